package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** The customer or internal team an order is for. */
public record TenantId(String value) implements Comparable<TenantId> {
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    public TenantId {
        Require.matches(value, FORMAT, "tenant", "a tenant id of lower-case letters, digits, dots, dashes and underscores (at most 64)");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
