package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapexEdgeCasesTest {

    private static final Instant AT = Instant.parse("2026-04-02T08:00:00Z");

    @Test
    void roundsThePercentDeployedOnceFromTheExactRatio() {
        CapexCommitment c = CapexCommitment.create(CommitmentId.of("c"), "C", Money.of("100000000", "USD"),
                Quarter.parse("2025Q1"), Quarter.parse("2025Q4"));
        c.recordSpend(Quarter.parse("2025Q1"), Money.of("32349999.99", "USD"), SpendCategory.SERVERS,
                Optional.empty(), "", AT);

        // 32.34999999 % to one decimal is 32.3
        assertThat(c.status(Quarter.parse("2025Q1")).percentDeployed()).isEqualByComparingTo("32.3");
    }

    @Test
    void anAmendmentNeverLeavesTheTranchesAboveTheTotal() {
        CapexCommitment c = CapexCommitment.create(CommitmentId.of("c"), "C", Money.of("100", "USD"),
                Quarter.parse("2025Q1"), Quarter.parse("2025Q4"));
        c.addTranche(Quarter.parse("2025Q2"), Money.of("90", "USD"), Optional.empty());

        assertThatThrownBy(() -> c.amend(Money.of("50", "USD"), Quarter.parse("2025Q4"), "cut", AT))
                .isInstanceOfSatisfying(io.fleetplan.domain.shared.RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("amendment-below-tranches"));

        assertThat(c.total()).isEqualTo(Money.of("100", "USD"));
        assertThat(c.planned()).isLessThanOrEqualTo(c.total());
    }

    @Test
    void statusAsOfAQuarterCountsOnlySpendUpToIt() {
        CapexCommitment c = CapexCommitment.create(CommitmentId.of("c"), "C", Money.of("100", "USD"),
                Quarter.parse("2025Q1"), Quarter.parse("2025Q4"));
        c.recordSpend(Quarter.parse("2025Q1"), Money.of("10", "USD"), SpendCategory.SERVERS, Optional.empty(), "", AT);
        c.recordSpend(Quarter.parse("2025Q3"), Money.of("40", "USD"), SpendCategory.SERVERS, Optional.empty(), "", AT);

        assertThat(c.status(Quarter.parse("2025Q1")).spent()).isEqualTo(Money.of("10", "USD"));
    }

    @Test
    void requiresTheRunRateOverTheCommitmentsQuartersOnlyWhenAsOfIsBeforeItsStart() {
        CapexCommitment c = CapexCommitment.create(CommitmentId.of("capex-2025-2028"), "AI", Money.of("52000000000", "USD"),
                Quarter.parse("2025Q2"), Quarter.parse("2028Q1"));

        // spend can only be recorded in the twelve quarters 2025Q2..2028Q1: 52 billion / 3 years
        assertThat(c.status(Quarter.parse("2024Q4")).requiredAnnualRunRate())
                .isEqualTo(Money.of("17333333333.33", "USD"));
    }
}
