package io.fleetplan.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of one ISO 4217 currency. Held at the currency's minor unit (cents for USD) so that
 * equal amounts are equal records; never a floating point number, never arithmetic across
 * currencies.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Require.present(amount, "amount");
        Require.present(currency, "currency");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("amount", "amount " + amount.toPlainString() + " has more than " + digits
                    + " decimal places for " + currency.getCurrencyCode());
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(parseAmount(amount), currency(currency));
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Currency currency(String code) {
        Require.present(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "currency '" + code + "' is not an ISO 4217 code");
        }
    }

    private static BigDecimal parseAmount(String amount) {
        Require.present(amount, "amount");
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "amount '" + amount + "' is not a decimal number");
        }
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** This amount scaled by a ratio, rounded half-even to the minor unit. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    /** This amount divided into {@code parts}, rounded half-even to the minor unit. */
    public Money dividedBy(long parts) {
        if (parts <= 0) {
            throw new InvalidValueException("parts", "cannot divide money into " + parts + " parts");
        }
        return new Money(amount.divide(BigDecimal.valueOf(parts), amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    /** How many whole units of {@code price} this amount buys (0 when it buys none or is negative). */
    public long wholeUnitsOf(Money price) {
        same(price);
        if (price.signum() <= 0) {
            throw new InvalidValueException("price", "a price must be positive");
        }
        if (signum() <= 0) {
            return 0;
        }
        return amount.divide(price.amount, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** this / other as a ratio with {@code scale} decimals, half-even. */
    public BigDecimal ratioTo(Money other, int scale) {
        same(other);
        if (other.signum() == 0) {
            throw new InvalidValueException("amount", "cannot take a ratio to zero");
        }
        return amount.divide(other.amount, scale, RoundingMode.HALF_EVEN);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        Require.present(other, "amount");
        if (!currency.equals(other.currency)) {
            throw new RuleViolationException("currency-mismatch",
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
