package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** The model's argument checks, each failing with an {@link InvalidValueException} naming the field. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    public static String matches(String value, Pattern pattern, String field, String expected) {
        present(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(field, field + " '" + value + "' is not " + expected);
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidValueException(field, field + " must be positive, was " + value);
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field, field + " must not be negative, was " + value);
        }
        return value;
    }
}
