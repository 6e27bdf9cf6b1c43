package dev.toolwire.runtime.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints rows as aligned plain-text columns: each column as wide as its widest cell, two spaces
 * between columns, no trailing blanks. Cells are printed verbatim; picocli's {@code TextTable} is not
 * used because it reads its {@code @|style text|@} markup in every cell, which would alter tool
 * results and paths that happen to contain it.
 */
final class TextColumns {

    private static final String GAP = "  ";

    private TextColumns() {}

    /**
     * Prints the rows.
     *
     * @param out where to print
     * @param indent spaces before the first column
     * @param rows the cells, every row as long as the first
     */
    static void print(PrintStream out, int indent, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : GAP).append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
