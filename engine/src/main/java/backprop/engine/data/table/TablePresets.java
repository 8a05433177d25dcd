package backprop.engine.data.table;

import backprop.engine.io.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The small real tables that ship in assets/tables/ (sources and licences in its README),
 * read from the engine's jar by name: {@code --data iris}, {@code "dataset": {"name": "iris"}}.
 */
public final class TablePresets {
    private TablePresets() {}

    /** A shipped table: its label column and what that label is. */
    public record Preset(String name, String label, Table.Task task, String description) {}

    public static final List<Preset> ALL = List.of(
            new Preset("iris", "species", Table.Task.CLASSIFICATION, "Fisher's irises: 4 measurements in cm, 3 species, 150 flowers"),
            // The distances are whole feet, which alone would read as 35 classes.
            new Preset("cars", "stopping_distance_ft", Table.Task.REGRESSION, "Ezekiel's cars of the 1920s: speed (mph) to stopping distance (ft), 50 cars"));

    public static final List<String> NAMES = ALL.stream().map(Preset::name).toList();

    public static boolean has(String name) { return NAMES.contains(name); }

    public static Preset get(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown table '" + name + "' (known: " + String.join(", ", NAMES) + ")"));
    }

    /** The preset's table; {@code label} and {@code task} override the preset's own when not null. */
    public static Table read(String name, String label, Table.Task task) throws TableException {
        Preset p = get(name);
        String resource = "/backprop/engine/data/tables/" + name + ".csv";
        try (InputStream in = TablePresets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the engine's jar");
            String text = Utf8Text.decode(in.readAllBytes(), "a data table must be UTF-8 text", (place, problem) -> new TableException(name, place, problem));
            return CsvTable.parse("built-in table " + name, name, text, label != null ? label : p.label(), task != null ? task : p.task());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
