package io.fleetplan.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Currency;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void holdsUsdAtCentsSoThatEqualAmountsAreEqual() {
        assertThat(usd("5").amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(usd("5")).isEqualTo(usd("5.0")).isEqualTo(usd("5.000")).isEqualTo(usd(" 5.00 "));
        assertThat(usd("5").hashCode()).isEqualTo(usd("5.00").hashCode());
    }

    @Test
    void holdsYenInWholeUnitsAndDinarInThousandths() {
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("1.5", "KWD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void acceptsScientificNotationThatIsExactInCents() {
        assertThat(usd("5.2E10")).isEqualTo(usd("52000000000.00"));
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyHas() {
        assertInvalidValue(() -> usd("1.005"), "amount");
        assertInvalidValue(() -> Money.of("100.5", "JPY"), "amount");
        assertInvalidValue(() -> new Money(new BigDecimal("0.001"), Currency.getInstance("USD")), "amount");
    }

    @Test
    void rejectsTextThatIsNotADecimalNumber() {
        assertInvalidValue(() -> usd("12,5"), "amount");
        assertInvalidValue(() -> usd("ten"), "amount");
        assertInvalidValue(() -> usd(null), "amount");
    }

    @Test
    void rejectsACurrencyThatIsNotIso4217() {
        assertInvalidValue(() -> Money.of("1", "XYZ"), "currency");
        assertInvalidValue(() -> Money.of("1", "usd"), "currency");
        assertInvalidValue(() -> Money.of("1", null), "currency");
    }

    @Test
    void zeroIsAtTheCurrencysScale() {
        Money zero = Money.zero(Currency.getInstance("USD"));
        assertThat(zero).isEqualTo(usd("0"));
        assertThat(zero.signum()).isZero();
        assertThat(zero.isPositive()).isFalse();
    }

    @Test
    void addsAndSubtractsWithinOneCurrency() {
        assertThat(usd("10.25").plus(usd("0.75"))).isEqualTo(usd("11"));
        assertThat(usd("10").minus(usd("12.50"))).isEqualTo(usd("-2.50"));
        assertThat(usd("10").minus(usd("12.50")).signum()).isEqualTo(-1);
    }

    @Test
    void multipliesByWholeFactorsExactly() {
        assertThat(usd("4200000000").times(4)).isEqualTo(usd("16800000000"));
    }

    @Test
    void scalesByARatioRoundingHalfEvenToTheCent() {
        assertThat(usd("10.00").times(new BigDecimal("0.125"))).isEqualTo(usd("1.25"));
        assertThat(usd("0.10").times(new BigDecimal("0.25"))).isEqualTo(usd("0.02"));
        assertThat(usd("0.30").times(new BigDecimal("0.25"))).isEqualTo(usd("0.08"));
    }

    @Test
    void dividesIntoPartsRoundingHalfEvenToTheCent() {
        assertThat(usd("35200000000").times(4).dividedBy(8)).isEqualTo(usd("17600000000"));
        assertThat(usd("10").dividedBy(3)).isEqualTo(usd("3.33"));
        assertThat(usd("0.05").dividedBy(2)).isEqualTo(usd("0.02"));
        assertThat(usd("0.15").dividedBy(2)).isEqualTo(usd("0.08"));
    }

    @Test
    void refusesToDivideIntoNoOrNegativeParts() {
        assertInvalidValue(() -> usd("10").dividedBy(0), "parts");
        assertInvalidValue(() -> usd("10").dividedBy(-2), "parts");
    }

    @Test
    void countsTheWholeUnitsOfAPriceAnAmountBuys() {
        assertThat(usd("1000").wholeUnitsOf(usd("300"))).isEqualTo(3);
        assertThat(usd("900").wholeUnitsOf(usd("300"))).isEqualTo(3);
        assertThat(usd("899.99").wholeUnitsOf(usd("300"))).isEqualTo(2);
        assertThat(usd("52000000000").wholeUnitsOf(usd("250000"))).isEqualTo(208_000);
    }

    @Test
    void buysNothingWithNothingOrADebt() {
        assertThat(usd("0").wholeUnitsOf(usd("300"))).isZero();
        assertThat(usd("-1000").wholeUnitsOf(usd("300"))).isZero();
    }

    @Test
    void refusesAPriceThatIsNotPositive() {
        assertInvalidValue(() -> usd("1000").wholeUnitsOf(usd("0")), "price");
        assertInvalidValue(() -> usd("1000").wholeUnitsOf(usd("-5")), "price");
    }

    @Test
    void givesRatiosAtTheAskedScaleHalfEven() {
        assertThat(usd("16800000000").ratioTo(usd("52000000000"), 6)).isEqualByComparingTo("0.323077");
        assertThat(usd("1").ratioTo(usd("8"), 2)).isEqualByComparingTo("0.12");
        assertThat(usd("3").ratioTo(usd("8"), 2)).isEqualByComparingTo("0.38");
        assertThat(usd("1").ratioTo(usd("8"), 2).scale()).isEqualTo(2);
    }

    @Test
    void refusesARatioToZero() {
        assertInvalidValue(() -> usd("1").ratioTo(usd("0"), 2), "amount");
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(usd("10.01").isGreaterThan(usd("10"))).isTrue();
        assertThat(usd("10").isGreaterThan(usd("10.00"))).isFalse();
        assertThat(usd("3").max(usd("7"))).isEqualTo(usd("7"));
        assertThat(usd("3").min(usd("7"))).isEqualTo(usd("3"));
        assertThat(usd("3")).isLessThan(usd("7"));
    }

    @Test
    void neverDoesArithmeticAcrossCurrencies() {
        assertRuleViolation(() -> usd("1").plus(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("1").minus(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("1").compareTo(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("1").isGreaterThan(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("1").max(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("1").min(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("100").wholeUnitsOf(eur("1")), "currency-mismatch");
        assertRuleViolation(() -> usd("100").ratioTo(eur("1"), 2), "currency-mismatch");
    }

    @Test
    void amountsInDifferentCurrenciesAreNeverEqual() {
        assertThat(usd("1")).isNotEqualTo(eur("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "0.2", "0.3"})
    void neverGoesThroughFloatingPoint(String tenth) {
        Money sum = usd("0");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(usd(tenth));
        }
        assertThat(sum).isEqualTo(usd(tenth).times(10));
    }

    @Test
    void printsThePlainAmountAndTheCode() {
        assertThat(usd("5.2E10")).hasToString("52000000000.00 USD");
        assertThat(Money.of("1200", "JPY")).hasToString("1200 JPY");
    }
}
