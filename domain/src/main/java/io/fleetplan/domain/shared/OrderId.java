package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A capacity order id; generated on submission. */
public record OrderId(String value) implements Comparable<OrderId> {
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    public OrderId {
        Require.matches(value, FORMAT, "orderId", "an order id of letters, digits, dots, dashes and underscores (at most 64)");
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
