package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A server batch id; generated when not given. */
public record BatchId(String value) implements Comparable<BatchId> {
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    public BatchId {
        Require.matches(value, FORMAT, "batchId", "a batch id of letters, digits, dots, dashes and underscores (at most 64)");
    }

    public static BatchId of(String value) {
        return new BatchId(value);
    }

    @Override
    public int compareTo(BatchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
