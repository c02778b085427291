package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CapexCommitmentTest {

    private static final Instant AT = Instant.parse("2026-04-02T08:00:00Z");

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Quarter q(String text) {
        return Quarter.parse(text);
    }

    /** The 52 billion USD three-year programme, 2025Q2 to 2028Q1, its creation event handed over. */
    private static CapexCommitment programme() {
        CapexCommitment c = CapexCommitment.create(CommitmentId.of("capex-2025-2028"), "AI infrastructure 2025-2028",
                usd("52000000000"), q("2025Q2"), q("2028Q1"));
        c.pullEvents();
        return c;
    }

    private static Spend spend(CapexCommitment c, String quarter, String amount) {
        return c.recordSpend(q(quarter), usd(amount), SpendCategory.SERVERS, Optional.empty(), "", AT);
    }

    /** 16.8 billion over the first four quarters: 4.2 billion a quarter, 2025Q2 to 2026Q1. */
    private static CapexCommitment afterTwelveMonths() {
        CapexCommitment c = programme();
        for (Quarter quarter : q("2025Q2").through(q("2026Q1"))) {
            spend(c, quarter.toString(), "4200000000");
        }
        return c;
    }

    @Nested
    class SeedCheck {

        @Test
        void reportsThePercentDeployedAfterTwelveMonths() {
            CommitmentStatus status = afterTwelveMonths().status(q("2026Q1"));

            assertThat(status.spent()).isEqualTo(usd("16800000000"));
            assertThat(status.percentDeployed()).isEqualByComparingTo("32.3");
            assertThat(status.percentDeployed().scale()).isEqualTo(1);
        }

        @Test
        void reportsTheRemainder() {
            assertThat(afterTwelveMonths().status(q("2026Q1")).remaining()).isEqualTo(usd("35200000000"));
            assertThat(afterTwelveMonths().remaining()).isEqualTo(usd("35200000000"));
        }

        @Test
        void reportsTheRunRateRequiredToSpendTheRestByTheEnd() {
            // 35.2 billion over the eight quarters 2026Q2..2028Q1 is 4.4 billion a quarter.
            assertThat(afterTwelveMonths().status(q("2026Q1")).requiredAnnualRunRate()).isEqualTo(usd("17600000000"));
        }

        @Test
        void reportsTheTrailingFourQuarters() {
            assertThat(afterTwelveMonths().status(q("2026Q1")).trailingFourQuarters()).isEqualTo(usd("16800000000"));
        }

        @Test
        void runsOutAfterTheEndQuarterAtTheCurrentBurn() {
            // 35.2 / 4.2 = 8.38 quarters: the ninth quarter after 2026Q1 is 2028Q2.
            CommitmentStatus status = afterTwelveMonths().status(q("2026Q1"));

            assertThat(status.exhaustion()).contains(q("2028Q2"));
            assertThat(status.exhaustedAfterEnd()).isTrue();
        }

        @Test
        void reportsTheSpendPerQuarter() {
            CommitmentStatus status = afterTwelveMonths().status(q("2026Q1"));

            assertThat(status.spendByQuarter()).containsOnly(entry(q("2025Q2"), usd("4200000000")),
                    entry(q("2025Q3"), usd("4200000000")), entry(q("2025Q4"), usd("4200000000")),
                    entry(q("2026Q1"), usd("4200000000")));
            assertThat(status.asOf()).isEqualTo(q("2026Q1"));
            assertThat(status.total()).isEqualTo(usd("52000000000"));
        }
    }

    @Nested
    class Figures {

        @Test
        void countsOnlyTheFourQuartersEndingWithAsOfAsTrailing() {
            CapexCommitment c = programme();
            spend(c, "2025Q2", "1000");
            spend(c, "2025Q3", "2000");
            spend(c, "2026Q2", "4000");
            spend(c, "2026Q3", "8000");

            assertThat(c.status(q("2026Q2")).trailingFourQuarters()).isEqualTo(usd("6000"));
            assertThat(c.status(q("2026Q3")).trailingFourQuarters()).isEqualTo(usd("12000"));
            assertThat(c.status(q("2027Q1")).trailingFourQuarters()).isEqualTo(usd("12000"));
            assertThat(c.status(q("2027Q2")).trailingFourQuarters()).isEqualTo(usd("8000"));
            assertThat(c.status(q("2027Q3")).trailingFourQuarters()).isEqualTo(usd("0"));
        }

        @Test
        void addsUpSpendPerQuarterAndPerCategory() {
            CapexCommitment c = programme();
            c.recordSpend(q("2025Q3"), usd("300"), SpendCategory.SERVERS, Optional.of(BatchId.of("b-1")), "", AT);
            c.recordSpend(q("2025Q3"), usd("200"), SpendCategory.DATA_CENTER, Optional.empty(), "", AT);
            c.recordSpend(q("2025Q4"), usd("100"), SpendCategory.SERVERS, Optional.empty(), "", AT);
            c.recordSpend(q("2025Q4"), usd("50"), SpendCategory.NETWORK, Optional.empty(), "", AT);

            CommitmentStatus status = c.status(q("2025Q4"));

            assertThat(status.spendByQuarter()).containsOnly(entry(q("2025Q3"), usd("500")),
                    entry(q("2025Q4"), usd("150")));
            assertThat(status.spendByCategory()).containsOnly(entry(SpendCategory.SERVERS, usd("400")),
                    entry(SpendCategory.DATA_CENTER, usd("200")), entry(SpendCategory.NETWORK, usd("50")));
            assertThat(status.spent()).isEqualTo(usd("650"));
        }

        @Test
        void requiresTheWholeRemainderWhenNoQuarterIsLeft() {
            CapexCommitment c = afterTwelveMonths();

            assertThat(c.status(q("2028Q1")).requiredAnnualRunRate()).isEqualTo(usd("35200000000"));
            assertThat(c.status(q("2029Q1")).requiredAnnualRunRate()).isEqualTo(usd("35200000000"));
        }

        @Test
        void requiresTheRemainderSpreadOverTheQuartersLeft() {
            CapexCommitment c = afterTwelveMonths();

            assertThat(c.status(q("2027Q1")).requiredAnnualRunRate())
                    .as("35.2 billion over the four quarters 2027Q2..2028Q1").isEqualTo(usd("35200000000"));
            assertThat(c.status(q("2027Q3")).requiredAnnualRunRate())
                    .as("35.2 billion over two quarters is 70.4 billion a year").isEqualTo(usd("70400000000"));
        }

        @Test
        void runsOutWithinTheCommitmentWhenTheBurnIsHighEnough() {
            CapexCommitment c = programme();
            for (Quarter quarter : q("2025Q2").through(q("2026Q1"))) {
                spend(c, quarter.toString(), "10000000000");
            }

            CommitmentStatus status = c.status(q("2026Q1"));

            // 12 billion left at 10 billion a quarter: runs out in the second quarter after 2026Q1.
            assertThat(status.exhaustion()).contains(q("2026Q3"));
            assertThat(status.exhaustedAfterEnd()).isFalse();
        }

        @Test
        void runsOutInTheQuarterOfAsOfWhenNothingIsLeft() {
            CapexCommitment c = programme();
            spend(c, "2025Q2", "52000000000");

            CommitmentStatus status = c.status(q("2025Q2"));

            assertThat(status.remaining()).isEqualTo(usd("0"));
            assertThat(status.percentDeployed()).isEqualByComparingTo("100.0");
            assertThat(status.exhaustion()).contains(q("2025Q2"));
            assertThat(status.exhaustedAfterEnd()).isFalse();
            assertThat(status.requiredAnnualRunRate()).isEqualTo(usd("0"));
        }

        @Test
        void hasNoExhaustionQuarterWithoutRecentSpend() {
            CapexCommitment c = programme();

            CommitmentStatus status = c.status(q("2026Q1"));

            assertThat(status.exhaustion()).isEmpty();
            assertThat(status.exhaustedAfterEnd()).as("money left at the end").isTrue();
            assertThat(status.percentDeployed()).isEqualByComparingTo("0.0");
            assertThat(status.trailingFourQuarters()).isEqualTo(usd("0"));
            assertThat(status.requiredAnnualRunRate()).as("52 billion over 8 quarters")
                    .isEqualTo(usd("26000000000"));
        }

        @Test
        void sumsThePlannedTranches() {
            CapexCommitment c = programme();
            c.addTranche(q("2025Q2"), usd("5000000000"), Optional.empty());
            c.addTranche(q("2025Q2"), usd("1000000000"), Optional.of(RegionId.of("cn-hangzhou")));
            c.addTranche(q("2025Q3"), usd("4000000000"), Optional.empty());

            CommitmentStatus status = c.status(q("2025Q3"));

            assertThat(c.planned()).isEqualTo(usd("10000000000"));
            assertThat(status.planned()).isEqualTo(usd("10000000000"));
            assertThat(status.plannedByQuarter()).containsOnly(entry(q("2025Q2"), usd("6000000000")),
                    entry(q("2025Q3"), usd("4000000000")));
        }
    }

    @Nested
    class Spending {

        @Test
        void recordsSpendWithItsFactsAndAnEvent() {
            CapexCommitment c = programme();

            Spend s = c.recordSpend(q("2025Q3"), usd("250000000"), SpendCategory.SERVERS,
                    Optional.of(BatchId.of("b-7")), "first H20 batch", AT);

            assertThat(s.number()).isEqualTo(1);
            assertThat(s.batch()).contains(BatchId.of("b-7"));
            assertThat(s.recordedAt()).isEqualTo(AT);
            assertThat(c.spends()).containsExactly(s);
            assertThat(c.pullEvents()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.SPEND_RECORDED);
                assertThat(e.reason()).isEqualTo("first H20 batch");
                assertThat(e.details()).containsExactly(entry("quarter", "2025Q3"), entry("amount", "250000000.00 USD"),
                        entry("category", "SERVERS"), entry("batch", "b-7"));
            });
        }

        @Test
        void numbersSpendInTheOrderItIsRecorded() {
            CapexCommitment c = programme();

            assertThat(List.of(spend(c, "2025Q2", "1"), spend(c, "2025Q2", "2"), spend(c, "2025Q4", "3")))
                    .extracting(Spend::number).containsExactly(1L, 2L, 3L);
        }

        @Test
        void acceptsSpendUpToExactlyTheTotal() {
            CapexCommitment c = afterTwelveMonths();

            spend(c, "2026Q2", "35200000000");

            assertThat(c.remaining()).isEqualTo(usd("0"));
        }

        @Test
        void refusesSpendAboveTheTotalAndRecordsNothing() {
            CapexCommitment c = afterTwelveMonths();
            c.pullEvents();

            assertRuleViolation(() -> spend(c, "2026Q2", "35200000000.01"), "commitment-exceeded");

            assertThat(c.spent()).isEqualTo(usd("16800000000"));
            assertThat(c.spends()).hasSize(4);
            assertThat(c.pullEvents()).isEmpty();
        }

        @Test
        void acceptsSpendAboveTheOriginalTotalOnceAmended() {
            CapexCommitment c = afterTwelveMonths();
            spend(c, "2026Q2", "35000000000");
            assertRuleViolation(() -> spend(c, "2026Q3", "5000000000"), "commitment-exceeded");

            c.amend(usd("60000000000"), q("2028Q1"), "scale capex beyond the commitment", AT);
            spend(c, "2026Q3", "5000000000");

            assertThat(c.spent()).isEqualTo(usd("56800000000"));
            assertThat(c.remaining()).isEqualTo(usd("3200000000"));
        }

        @Test
        void refusesSpendOutsideTheCommitmentsQuarters() {
            CapexCommitment c = programme();

            assertRuleViolation(() -> spend(c, "2025Q1", "1"), "quarter-outside-commitment");
            assertRuleViolation(() -> spend(c, "2028Q2", "1"), "quarter-outside-commitment");
            spend(c, "2025Q2", "1");
            spend(c, "2028Q1", "1");

            assertThat(c.spends()).hasSize(2);
        }

        @Test
        void refusesSpendInAnotherCurrency() {
            CapexCommitment c = programme();

            assertRuleViolation(() -> c.recordSpend(q("2025Q3"), Money.of("100", "CNY"), SpendCategory.SERVERS,
                    Optional.empty(), "", AT), "currency-mismatch");

            assertThat(c.spends()).isEmpty();
        }

        @Test
        void refusesSpendOfNothingOrLess() {
            CapexCommitment c = programme();

            assertInvalidValue(() -> spend(c, "2025Q3", "0"), "amount");
            assertInvalidValue(() -> spend(c, "2025Q3", "-5"), "amount");
            assertThat(c.spends()).isEmpty();
        }
    }

    @Nested
    class Tranches {

        @Test
        void plansTranchesUpToExactlyTheTotal() {
            CapexCommitment c = programme();

            Tranche first = c.addTranche(q("2025Q2"), usd("50000000000"), Optional.of(RegionId.of("cn-hangzhou")));
            c.addTranche(q("2028Q1"), usd("2000000000"), Optional.empty());

            assertThat(first.region()).contains(RegionId.of("cn-hangzhou"));
            assertThat(c.tranches()).hasSize(2);
            assertThat(c.planned()).isEqualTo(c.total());
            assertThat(c.pullEvents()).extracting(DomainEvent::type)
                    .containsExactly(EventType.TRANCHE_ADDED, EventType.TRANCHE_ADDED);
        }

        @Test
        void refusesTranchesAboveTheTotalAndKeepsThePlan() {
            CapexCommitment c = programme();
            c.addTranche(q("2025Q2"), usd("50000000000"), Optional.empty());
            c.pullEvents();

            assertRuleViolation(() -> c.addTranche(q("2025Q3"), usd("2000000000.01"), Optional.empty()),
                    "tranches-exceed-commitment");

            assertThat(c.planned()).isEqualTo(usd("50000000000"));
            assertThat(c.pullEvents()).isEmpty();
        }

        @Test
        void refusesTranchesOutsideTheCommitmentsQuarters() {
            CapexCommitment c = programme();

            assertRuleViolation(() -> c.addTranche(q("2025Q1"), usd("1"), Optional.empty()),
                    "quarter-outside-commitment");
            assertRuleViolation(() -> c.addTranche(q("2028Q2"), usd("1"), Optional.empty()),
                    "quarter-outside-commitment");
            assertThat(c.tranches()).isEmpty();
        }

        @Test
        void refusesTranchesInAnotherCurrency() {
            CapexCommitment c = programme();

            assertRuleViolation(() -> c.addTranche(q("2025Q3"), Money.of("1", "EUR"), Optional.empty()),
                    "currency-mismatch");
        }

        @Test
        void refusesTranchesOfNothing() {
            CapexCommitment c = programme();

            assertInvalidValue(() -> c.addTranche(q("2025Q3"), usd("0"), Optional.empty()), "amount");
        }
    }

    @Nested
    class Amendments {

        @Test
        void keepsEveryAmendmentWithItsReason() {
            CapexCommitment c = afterTwelveMonths();
            c.pullEvents();

            Amendment first = c.amend(usd("60000000000"), q("2028Q1"), "scale capex beyond the commitment", AT);
            Amendment second = c.amend(usd("65000000000"), q("2028Q4"), "second campus", AT.plusSeconds(86_400));

            assertThat(first.previousTotal()).isEqualTo(usd("52000000000"));
            assertThat(first.newTotal()).isEqualTo(usd("60000000000"));
            assertThat(second.previousTotal()).isEqualTo(usd("60000000000"));
            assertThat(second.previousEnd()).isEqualTo(q("2028Q1"));
            assertThat(second.newEnd()).isEqualTo(q("2028Q4"));
            assertThat(c.amendments()).containsExactly(first, second);
            assertThat(c.total()).isEqualTo(usd("65000000000"));
            assertThat(c.end()).isEqualTo(q("2028Q4"));
            assertThat(c.status(q("2026Q1")).amendments()).containsExactly(first, second);
            assertThat(c.pullEvents()).first().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.COMMITMENT_AMENDED);
                assertThat(e.reason()).isEqualTo("scale capex beyond the commitment");
                assertThat(e.details()).containsExactly(entry("previousTotal", "52000000000.00 USD"),
                        entry("newTotal", "60000000000.00 USD"), entry("previousEnd", "2028Q1"),
                        entry("newEnd", "2028Q1"));
            });
        }

        @Test
        void extendingTheEndOpensItsQuartersForSpend() {
            CapexCommitment c = programme();
            assertRuleViolation(() -> spend(c, "2028Q3", "1"), "quarter-outside-commitment");

            c.amend(usd("52000000000"), q("2028Q4"), "programme extended", AT);
            spend(c, "2028Q3", "1");

            assertThat(c.spent()).isEqualTo(usd("1"));
        }

        @Test
        void allowsTheTotalToDropToExactlyWhatIsSpent() {
            CapexCommitment c = afterTwelveMonths();

            c.amend(usd("16800000000"), q("2028Q1"), "programme capped", AT);

            assertThat(c.remaining()).isEqualTo(usd("0"));
        }

        @Test
        void refusesATotalBelowWhatIsSpentAndKeepsTheCommitment() {
            CapexCommitment c = afterTwelveMonths();
            c.pullEvents();

            assertRuleViolation(() -> c.amend(usd("16799999999.99"), q("2028Q1"), "cut", AT), "amendment-below-spend");

            assertThat(c.total()).isEqualTo(usd("52000000000"));
            assertThat(c.amendments()).isEmpty();
            assertThat(c.pullEvents()).isEmpty();
        }

        @Test
        void refusesAnEndBeforeRecordedSpendOrTranches() {
            CapexCommitment c = programme();
            spend(c, "2026Q2", "1");
            c.addTranche(q("2027Q1"), usd("1"), Optional.empty());

            assertRuleViolation(() -> c.amend(usd("52000000000"), q("2026Q1"), "shortened", AT),
                    "amendment-cuts-recorded-quarters");
            assertRuleViolation(() -> c.amend(usd("52000000000"), q("2026Q4"), "shortened", AT),
                    "amendment-cuts-recorded-quarters");
            c.amend(usd("52000000000"), q("2027Q1"), "shortened", AT);

            assertThat(c.end()).isEqualTo(q("2027Q1"));
        }

        @Test
        void refusesAnEndBeforeTheStart() {
            CapexCommitment c = programme();

            assertInvalidValue(() -> c.amend(usd("52000000000"), q("2025Q1"), "typo", AT), "newEnd");
            assertThat(c.end()).isEqualTo(q("2028Q1"));
        }

        @Test
        void refusesAnAmendmentWithoutAReason() {
            CapexCommitment c = programme();

            assertInvalidValue(() -> c.amend(usd("60000000000"), q("2028Q1"), " ", AT), "reason");
            assertInvalidValue(() -> c.amend(usd("60000000000"), q("2028Q1"), null, AT), "reason");

            assertThat(c.total()).isEqualTo(usd("52000000000"));
            assertThat(c.amendments()).isEmpty();
        }

        @Test
        void refusesATotalOfNothingOrInAnotherCurrency() {
            CapexCommitment c = programme();

            assertInvalidValue(() -> c.amend(usd("0"), q("2028Q1"), "cancelled", AT), "newTotal");
            assertRuleViolation(() -> c.amend(Money.of("60000000000", "EUR"), q("2028Q1"), "euros", AT),
                    "currency-mismatch");
            assertThat(c.total()).isEqualTo(usd("52000000000"));
        }
    }

    @Nested
    class Creation {

        @Test
        void recordsTheCommitment() {
            CapexCommitment c = CapexCommitment.create(CommitmentId.of("capex-2025-2028"), "AI infrastructure",
                    usd("52000000000"), q("2025Q2"), q("2028Q1"));

            assertThat(c.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(c.spent()).isEqualTo(usd("0"));
            assertThat(c.planned()).isEqualTo(usd("0"));
            assertThat(c.pullEvents()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.COMMITMENT_CREATED);
                assertThat(e.subject()).isEqualTo("capex-2025-2028");
                assertThat(e.details()).containsExactly(entry("name", "AI infrastructure"),
                        entry("total", "52000000000.00 USD"), entry("start", "2025Q2"), entry("end", "2028Q1"));
            });
        }

        @Test
        void acceptsAOneQuarterCommitment() {
            CapexCommitment c = CapexCommitment.create(CommitmentId.of("bridge"), "Bridge", usd("1"), q("2025Q2"),
                    q("2025Q2"));

            assertThat(c.start()).isEqualTo(c.end());
        }

        @Test
        void refusesATotalOfNothingOrAnEndBeforeTheStart() {
            assertInvalidValue(() -> CapexCommitment.create(CommitmentId.of("c"), "C", usd("0"), q("2025Q2"),
                    q("2028Q1")), "total");
            assertInvalidValue(() -> CapexCommitment.create(CommitmentId.of("c"), "C", usd("-1"), q("2025Q2"),
                    q("2028Q1")), "total");
            assertInvalidValue(() -> CapexCommitment.create(CommitmentId.of("c"), "C", usd("1"), q("2025Q2"),
                    q("2025Q1")), "end");
        }

        @Test
        void reconstitutesTheStoredHistoryWithoutRecordingIt() {
            CapexCommitment original = afterTwelveMonths();
            original.amend(usd("60000000000"), q("2028Q1"), "scale capex beyond the commitment", AT);

            CapexCommitment stored = CapexCommitment.reconstitute(original.id(), original.name(), original.total(),
                    original.start(), original.end(), original.tranches(), original.spends(), original.amendments(), 9);

            assertThat(stored.spent()).isEqualTo(usd("16800000000"));
            assertThat(stored.amendments()).hasSize(1);
            assertThat(stored.version()).isEqualTo(9);
            assertThat(stored.pullEvents()).isEmpty();
        }
    }
}
