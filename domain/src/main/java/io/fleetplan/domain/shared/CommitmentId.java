package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A capex commitment id such as {@code capex-2025-2028}. */
public record CommitmentId(String value) implements Comparable<CommitmentId> {
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public CommitmentId {
        Require.matches(value, FORMAT, "commitmentId", "a commitment id of lower-case letters, digits and dashes (at most 63)");
    }

    public static CommitmentId of(String value) {
        return new CommitmentId(value);
    }

    @Override
    public int compareTo(CommitmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
