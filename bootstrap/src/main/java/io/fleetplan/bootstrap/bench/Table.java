package io.fleetplan.bootstrap.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One result table of a suite: a title, column names, rows of cells, and notes printed under it. */
public final class Table {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of '" + title + "' needs " + columns.size() + " cells, had "
                    + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public Table note(String note) {
        notes.add(note);
        return this;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** The cell of {@code row} under {@code column}. */
    public String cell(int row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in '" + title + "'");
        }
        return rows.get(row).get(index);
    }

    void print(PrintStream out, String command, String machine) {
        out.println("### " + title);
        out.println();
        out.println("Command: `" + command + "`  ");
        out.println("Machine: " + machine);
        out.println();
        out.println("| " + String.join(" | ", columns) + " |");
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < columns.size(); i++) {
            rule.append(i == 0 ? "---|" : "---:|");
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println("| " + String.join(" | ", row) + " |");
        }
        if (!notes.isEmpty()) {
            out.println();
            for (String note : notes) {
                out.println("- " + note);
            }
        }
        out.println();
        out.flush();
    }

    /** A rate, whole units. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Milliseconds from nanoseconds, with sensible precision. */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    /** Parses a cell this class wrote (thousands separators and a trailing % allowed); NaN when it is not a number. */
    public static double number(String cell) {
        String text = cell.replace(",", "").replace("%", "").trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
