package io.fleetplan.domain.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2025Q3}. Fiscal labels are presentation, not model. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {
    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})Q([1-4])$");

    public Quarter {
        if (year < 1900 || year > 9999) {
            throw new InvalidValueException("quarter", "year " + year + " is out of range 1900..9999");
        }
        if (quarter < 1 || quarter > 4) {
            throw new InvalidValueException("quarter", "quarter " + quarter + " is not 1..4");
        }
    }

    public static Quarter parse(String text) {
        Require.present(text, "quarter");
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidValueException("quarter", "quarter '" + text + "' is not of the form 2025Q3");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter the clock's current instant falls in, in UTC. */
    public static Quarter current(Clock clock) {
        return of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private int index() {
        return year * 4 + (quarter - 1);
    }

    private static Quarter ofIndex(int index) {
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    public Quarter plus(int quarters) {
        return ofIndex(index() + quarters);
    }

    public Quarter minus(int quarters) {
        return plus(-quarters);
    }

    public Quarter next() {
        return plus(1);
    }

    public Quarter previous() {
        return plus(-1);
    }

    /** Quarters from this one to {@code other}: 0 for the same quarter, negative when other is earlier. */
    public int quartersUntil(Quarter other) {
        return other.index() - index();
    }

    /** This quarter and every one after it up to and including {@code last}; empty when last is earlier. */
    public List<Quarter> through(Quarter last) {
        List<Quarter> out = new ArrayList<>();
        for (Quarter q = this; q.compareTo(last) <= 0; q = q.next()) {
            out.add(q);
        }
        return out;
    }

    public boolean isAfter(Quarter other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Quarter other) {
        return compareTo(other) < 0;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(index(), other.index());
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
