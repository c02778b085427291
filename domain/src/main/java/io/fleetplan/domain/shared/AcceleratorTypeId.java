package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** An accelerator type token such as {@code H20}, {@code H800} or {@code PPU}. */
public record AcceleratorTypeId(String value) implements Comparable<AcceleratorTypeId> {
    private static final Pattern FORMAT = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{0,31}$");

    public AcceleratorTypeId {
        Require.matches(value, FORMAT, "acceleratorType", "an upper-case accelerator token such as H20");
    }

    public static AcceleratorTypeId of(String value) {
        return new AcceleratorTypeId(value);
    }

    @Override
    public int compareTo(AcceleratorTypeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
