package io.fleetplan.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class YoyGrowthTest {
    private static final YoyGrowth ALIBABA = YoyGrowth.of("0.34");

    @Test
    void thirtyFourPercentAYearIsSevenPointSixPercentAQuarter() {
        BigDecimal rate = ALIBABA.quarterlyRate();

        assertThat(rate.setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("0.076");
        // (1.34)^(1/4) - 1 = 0.07591063303558002681..., to at least 12 significant digits
        assertThat(rate).isCloseTo(new BigDecimal("0.0759106330355800268"), within(new BigDecimal("1e-18")));
    }

    @Test
    void fourQuartersCompoundBackToTheYearlyGrowth() {
        BigDecimal compounded = ALIBABA.quarterlyFactor().pow(4);

        assertThat(compounded).isCloseTo(new BigDecimal("1.34"), within(new BigDecimal("1e-17")));
        assertThat(ALIBABA.factorAfter(4)).isEqualByComparingTo("1.34");
        assertThat(ALIBABA.factorAfter(8)).isEqualByComparingTo("1.7956");
        assertThat(ALIBABA.factorAfter(0)).isEqualByComparingTo("1");
    }

    @Test
    void factorsForAHorizonAreTheFactorsQuarterByQuarter() {
        BigDecimal[] factors = ALIBABA.factors(10);

        for (int k = 0; k < factors.length; k++) {
            assertThat(factors[k]).as("quarter %d", k).isEqualTo(ALIBABA.factorAfter(k));
        }
    }

    @Test
    void projectsFromTheExactFactorRoundingHalfUpToWholeGpus() {
        // 1000 x 1.34^(1/2) = 1157.58...
        assertThat(ALIBABA.project(1000, 2)).isEqualTo(1158);
        assertThat(ALIBABA.project(1000, 4)).isEqualTo(1340);
        // half-up: 5 x 1.1 = 5.5 -> 6
        assertThat(new YoyGrowth(new BigDecimal("0.1")).project(5, 4)).isEqualTo(6);
        assertThat(YoyGrowth.NONE.project(777, 13)).isEqualTo(777);
    }

    @Test
    void demandCanFallToNothingButNotBelow() {
        YoyGrowth gone = YoyGrowth.of("-1");

        assertThat(gone.quarterlyRate()).isEqualByComparingTo("-1");
        assertThat(gone.project(1000, 1)).isZero();
        assertThat(YoyGrowth.of("-0.5").project(1000, 4)).isEqualTo(500);
    }

    @Test
    void rejectsGrowthBelowMinusOneHundredPercent() {
        assertThatThrownBy(() -> YoyGrowth.of("-1.01"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("yoyGrowth"));
        assertThatThrownBy(() -> YoyGrowth.of("fast"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("yoyGrowth"));
    }

    @Test
    void shipsTheMarketBenchmarks() {
        assertThat(GrowthPreset.ALIBABA_CLOUD.growth()).isEqualTo(YoyGrowth.of("0.34"));
        assertThat(GrowthPreset.ALIBABA_CLOUD.quarterlyRevenue()).contains(Money.of("5600000000", "USD"));
        assertThat(GrowthPreset.ALIBABA_CLOUD.quarter()).isEqualTo(Quarter.parse("2025Q3"));
        assertThat(GrowthPreset.MICROSOFT_AZURE.growth().yoy()).isEqualByComparingTo("0.40");
        assertThat(GrowthPreset.MICROSOFT_AZURE.quarterlyRevenue()).isEmpty();
        assertThat(GrowthPreset.GOOGLE_CLOUD.growth().yoy()).isEqualByComparingTo("0.335");
        assertThat(GrowthPreset.shipped()).extracting(GrowthPreset::provider)
                .containsExactly("Alibaba Cloud", "Microsoft Azure", "Google Cloud");
    }

    @Test
    void aScenarioTakesItsGrowthFromAPreset() {
        Scenario scenario = Scenario.builder("azure pace", Quarter.parse("2025Q4"), 4)
                .growth(GrowthPreset.MICROSOFT_AZURE).build();

        assertThat(scenario.growth()).isEqualTo(YoyGrowth.of("0.4"));
        assertThat(scenario.growth().quarterlyRate())
                .isCloseTo(new BigDecimal("0.0877573059372771726"), within(new BigDecimal("1e-18")));
    }
}
