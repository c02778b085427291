package io.fleetplan.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;

class QuarterTest {

    private static Quarter q(String text) {
        return Quarter.parse(text);
    }

    @Test
    void parsesAndFormatsTheCalendarQuarter() {
        Quarter quarter = q("2025Q3");
        assertThat(quarter.year()).isEqualTo(2025);
        assertThat(quarter.quarter()).isEqualTo(3);
        assertThat(quarter).hasToString("2025Q3");
        assertThat(q(quarter.toString())).isEqualTo(quarter);
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertThat(q(" 2025Q3 ")).isEqualTo(new Quarter(2025, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025Q5", "2025Q0", "2025q3", "2025-Q3", "25Q3", "Q3 2025", "2025Q", "2025Q33", "", " ",
            "FY2025Q3", "20250Q1"})
    void rejectsTextThatIsNotAQuarter(String text) {
        assertInvalidValue(() -> Quarter.parse(text), "quarter");
    }

    @Test
    void rejectsAMissingQuarter() {
        assertInvalidValue(() -> Quarter.parse(null), "quarter");
    }

    @Test
    void rejectsQuarterNumbersAndYearsOutOfRange() {
        assertInvalidValue(() -> new Quarter(2025, 0), "quarter");
        assertInvalidValue(() -> new Quarter(2025, 5), "quarter");
        assertInvalidValue(() -> new Quarter(1899, 4), "quarter");
        assertInvalidValue(() -> new Quarter(10000, 1), "quarter");
    }

    @ParameterizedTest
    @CsvSource({
            "2025Q3, 0, 2025Q3",
            "2025Q3, 1, 2025Q4",
            "2025Q3, 2, 2026Q1",
            "2025Q4, 1, 2026Q1",
            "2025Q2, 11, 2028Q1",
            "2025Q2, 12, 2028Q2",
            "2025Q1, 4, 2026Q1",
            "2025Q1, -1, 2024Q4",
            "2026Q1, -3, 2025Q2",
            "2026Q1, -9, 2023Q4"
    })
    void movesAcrossYears(String from, int quarters, String expected) {
        assertThat(q(from).plus(quarters)).isEqualTo(q(expected));
        assertThat(q(expected).minus(quarters)).isEqualTo(q(from));
    }

    @Test
    void stepsOneQuarterEachWay() {
        assertThat(q("2025Q4").next()).isEqualTo(q("2026Q1"));
        assertThat(q("2026Q1").previous()).isEqualTo(q("2025Q4"));
    }

    @Test
    void refusesToMoveOutOfTheSupportedYears() {
        assertInvalidValue(() -> q("9999Q4").next(), "quarter");
        assertInvalidValue(() -> q("1900Q1").previous(), "quarter");
    }

    @ParameterizedTest
    @CsvSource({
            "2025Q3, 2025Q3, 0",
            "2025Q3, 2025Q4, 1",
            "2026Q1, 2028Q1, 8",
            "2025Q2, 2028Q1, 11",
            "2025Q4, 2025Q1, -3",
            "2028Q1, 2026Q1, -8"
    })
    void countsTheQuartersUntilAnother(String from, String to, int expected) {
        assertThat(q(from).quartersUntil(q(to))).isEqualTo(expected);
    }

    @Test
    void listsEveryQuarterThroughTheLastInclusive() {
        assertThat(q("2025Q3").through(q("2026Q2")))
                .containsExactly(q("2025Q3"), q("2025Q4"), q("2026Q1"), q("2026Q2"));
        assertThat(q("2025Q2").through(q("2028Q1"))).hasSize(12);
        assertThat(q("2025Q3").through(q("2025Q3"))).containsExactly(q("2025Q3"));
    }

    @Test
    void listsNothingThroughAnEarlierQuarter() {
        assertThat(q("2025Q3").through(q("2025Q2"))).isEmpty();
    }

    @Test
    void ordersByYearThenQuarter() {
        assertThat(q("2025Q4")).isLessThan(q("2026Q1")).isGreaterThan(q("2025Q3"));
        assertThat(q("2025Q4").isBefore(q("2026Q1"))).isTrue();
        assertThat(q("2026Q1").isAfter(q("2025Q4"))).isTrue();
        assertThat(q("2025Q4").isAfter(q("2025Q4"))).isFalse();
        assertThat(q("2025Q4").isBefore(q("2025Q4"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "2025-01-01, 2025Q1",
            "2025-03-31, 2025Q1",
            "2025-04-01, 2025Q2",
            "2025-09-30, 2025Q3",
            "2025-10-01, 2025Q4",
            "2025-12-31, 2025Q4"
    })
    void knowsTheQuarterOfADate(String date, String expected) {
        assertThat(Quarter.of(LocalDate.parse(date))).isEqualTo(q(expected));
    }

    @Test
    void beginsOnTheFirstDayOfItsFirstMonth() {
        assertThat(q("2025Q3").firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(q("2026Q1").firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void takesTheCurrentQuarterFromTheClockInUtc() {
        Instant lateOnNewYearsEveUtc = Instant.parse("2025-12-31T23:30:00Z");
        Clock tokyo = Clock.fixed(lateOnNewYearsEveUtc, ZoneId.of("Asia/Tokyo"));
        assertThat(Quarter.current(tokyo)).isEqualTo(q("2025Q4"));
        assertThat(Quarter.current(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)))
                .isEqualTo(q("2026Q1"));
    }
}
