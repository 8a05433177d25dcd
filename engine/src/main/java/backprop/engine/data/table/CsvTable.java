package backprop.engine.data.table;

import backprop.engine.io.LimitedFiles;
import backprop.engine.io.Utf8Text;
import backprop.engine.spec.Limits;
import backprop.engine.spec.UserText;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV or TSV file to a {@link Table}, parsed by Jackson's CSV module: UTF-8 (a byte-order
 * mark is dropped), a header line naming the columns, then one row per line. The delimiter is
 * whichever of comma, semicolon and tab the header line uses most (outside quotes), so files
 * saved by spreadsheets set to other locales read as they are. Blank lines are skipped.
 */
public final class CsvTable {
    private CsvTable() {}

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final char[] DELIMITERS = {',', ';', '\t'};

    /** Reads {@code file}; {@code label} names the label column (null: the last), {@code task} may be null (decided by the labels). */
    public static Table read(Path file, String label, Table.Task task) throws TableException {
        String name = file.toString();
        byte[] bytes = LimitedFiles.read(file, Limits.DATASET_FILE_BYTES, "a data table", problem -> new TableException(name, "", problem));
        return parse(name, tableName(file), Utf8Text.decode(bytes, "a data table must be UTF-8 text", (place, problem) -> new TableException(name, place, problem)),
                label, task);
    }

    /** "iris" for ".../iris.csv". */
    static String tableName(Path file) {
        String n = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Parses {@code text} (already decoded) as a table; {@code file} names it in messages. */
    public static Table parse(String file, String name, String text, String label, Table.Task task) throws TableException {
        if (text.isBlank()) throw new TableException(file, "", "the file is empty; a data table needs a header line and rows");
        char delimiter = sniff(text);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        List<Integer> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] headerLine = {0};
        TableBuilder.Places at = new TableBuilder.Places() {
            @Override public String header() { return "line " + headerLine[0]; }

            @Override public String row(int row) { return "line " + lines.get(Math.min(row, lines.size() - 1)); }

            @Override public String cell(int row, int column) {
                return row(row) + ", column " + (column + 1) + (column < names.size() ? " (" + UserText.quote(names.get(column)) + ")" : "");
            }
        };
        TableBuilder table = null;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
            while (true) {
                int line = it.getParser().currentLocation().getLineNr();
                if (!it.hasNextValue()) break;
                String[] cells = it.nextValue();
                // The parser stands past the row's last cell; a row that ended at a line break counts its line there.
                line = Math.max(line, it.getParser().currentTokenLocation().getLineNr());
                if (cells.length == 0 || (cells.length == 1 && cells[0].isBlank())) continue;
                if (table == null) {
                    Arrays.stream(cells).map(String::strip).forEach(names::add);
                    headerLine[0] = line;
                    table = new TableBuilder(file, name, names, at, label, task);
                    continue;
                }
                lines.add(line);
                table.add(cells); // converted to numbers now: a large file is never held as text cells
            }
        } catch (IOException | RuntimeException e) {
            throw new TableException(file, "", "not readable as CSV (" + UserText.cut(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 120) + ")");
        }
        if (table == null) throw new TableException(file, "", "the file is empty; a data table needs a header line and rows");
        return table.build();
    }

    /** The delimiter the first non-blank line uses most outside quotes; comma when it uses none. */
    static char sniff(String text) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false, started = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '\n' || c == '\r')) {
                if (started) break;
                continue;
            }
            if (!Character.isWhitespace(c) || c == '\t') started = true;
            for (int d = 0; d < DELIMITERS.length; d++) if (!quoted && c == DELIMITERS[d]) counts[d]++;
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
        return DELIMITERS[best];
    }
}
