package backprop.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table: a header, rows, columns padded to their widest cell. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** Columns whose header starts with '>' are right-aligned (numbers); the '>' is not shown. */
    TextTable(String... header) {
        rightAligned = new boolean[header.length];
        String[] shown = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            shown[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
        rows.add(shown);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = String.valueOf(cells[i]);
        rows.add(r);
        return this;
    }

    int size() { return rows.size() - 1; }

    void print(PrintWriter out) {
        int[] width = new int[rightAligned.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append("  ");
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(rightAligned[i] ? pad + r[i] : r[i] + (i == r.length - 1 ? "" : pad));
            }
            out.println(line);
        }
    }
}
