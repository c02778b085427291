package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A server SKU id such as {@code hgx-h20-8}. */
public record SkuId(String value) implements Comparable<SkuId> {
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    public SkuId {
        Require.matches(value, FORMAT, "skuId", "a SKU id of letters, digits, dots, dashes and underscores (at most 64)");
    }

    public static SkuId of(String value) {
        return new SkuId(value);
    }

    @Override
    public int compareTo(SkuId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
