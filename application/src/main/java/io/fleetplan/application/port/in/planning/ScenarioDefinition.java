package io.fleetplan.application.port.in.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A what-if scenario as planners write it. A plan starts from the live state (the baseline) at the
 * current quarter, or at a later start quarter to which the live state is carried forward with only
 * what is already scheduled (deliveries due by then have arrived; see the domain's {@code Scenario});
 * the scenario says how demand grows and what changes.
 *
 * @param startQuarter     the plan's first quarter, such as 2027Q1; null for the current quarter. Not
 *                         before the current quarter when saved or projected inline; a stored start
 *                         that has since passed projects from the current quarter
 * @param growthYoy        demand growth a year for every pool, as a fraction (0.34 for 34%); with
 *                         {@code growthPreset} null and this null, demand stays flat
 * @param growthPreset     take the growth from a market benchmark instead, by provider name (see presets)
 * @param commitment       the capex commitment that pays for purchases; null for the only (or first) one
 * @param pools            demand paths for particular pools, instead of the common growth
 * @param leadTimeQuarters quarters from buying a server to its delivery
 * @param usefulLifeYears  straight-line depreciation period; null for 6 years
 */
public record ScenarioDefinition(
        @NotNull @Pattern(regexp = NAME, message = NAME_RULE) String name,
        @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2027Q1") String startQuarter,
        @Min(1) @Max(40) int horizonQuarters,
        @DecimalMin(value = "-0.99") @DecimalMax(value = "10") @Digits(integer = 2, fraction = 6) BigDecimal growthYoy,
        @Size(max = 100) String growthPreset,
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be a commitment id") String commitment,
        @Size(max = 1000) List<@NotNull @Valid PoolDemandDefinition> pools,
        @Size(max = 1000) List<@NotNull @Valid CapexChangeDefinition> capexChanges,
        @Size(max = 10000) List<@NotNull @Valid ThroughputChangeDefinition> throughputChanges,
        @Size(max = 10000) List<@NotNull @Valid PowerAdditionDefinition> powerAdditions,
        @Min(0) @Max(40) int leadTimeQuarters,
        @Min(1) @Max(30) Integer usefulLifeYears) {

    /** Scenario names: a letter or digit, then letters, digits, spaces and . _ ( ) + - (at most 200 in all). */
    public static final String NAME = "^[A-Za-z0-9][A-Za-z0-9 ._()+-]{0,199}$";
    public static final String NAME_RULE = "must start with a letter or digit and use only letters, digits, spaces "
            + "and . _ ( ) + - (at most 200 characters)";

    /** A scenario starting at the current quarter. */
    public ScenarioDefinition(String name, int horizonQuarters, BigDecimal growthYoy, String growthPreset,
                              String commitment, List<PoolDemandDefinition> pools,
                              List<CapexChangeDefinition> capexChanges,
                              List<ThroughputChangeDefinition> throughputChanges,
                              List<PowerAdditionDefinition> powerAdditions, int leadTimeQuarters,
                              Integer usefulLifeYears) {
        this(name, null, horizonQuarters, growthYoy, growthPreset, commitment, pools, capexChanges, throughputChanges,
                powerAdditions, leadTimeQuarters, usefulLifeYears);
    }

    public ScenarioDefinition {
        pools = pools == null ? List.of() : List.copyOf(pools);
        capexChanges = capexChanges == null ? List.of() : List.copyOf(capexChanges);
        throughputChanges = throughputChanges == null ? List.of() : List.copyOf(throughputChanges);
        powerAdditions = powerAdditions == null ? List.of() : List.copyOf(powerAdditions);
    }

    /** A scenario with this name and everything else as given. */
    public ScenarioDefinition named(String newName) {
        return new ScenarioDefinition(newName, startQuarter, horizonQuarters, growthYoy, growthPreset, commitment,
                pools, capexChanges, throughputChanges, powerAdditions, leadTimeQuarters, usefulLifeYears);
    }

    /** A scenario with this start quarter (null: the current quarter) and everything else as given. */
    public ScenarioDefinition startingIn(String quarter) {
        return new ScenarioDefinition(name, quarter, horizonQuarters, growthYoy, growthPreset, commitment, pools,
                capexChanges, throughputChanges, powerAdditions, leadTimeQuarters, usefulLifeYears);
    }

    /**
     * Demand of one pool: for internal (training and model platform) and external (leasing) demand
     * each, either a growth a year or an explicit series of GPUs per quarter from the start; null for
     * the scenario's common growth.
     */
    public record PoolDemandDefinition(
            @NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
            @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String acceleratorType,
            @DecimalMin("-0.99") @DecimalMax("10") BigDecimal internalGrowthYoy,
            @DecimalMin("-0.99") @DecimalMax("10") BigDecimal externalGrowthYoy,
            @Size(max = 40) List<@NotNull @PositiveOrZero Long> internalSeries,
            @Size(max = 40) List<@NotNull @PositiveOrZero Long> externalSeries) {
    }

    /** Raise (or set) the commitment from a quarter: NEW_TOTAL sets the total, ADDITION adds to it. */
    public record CapexChangeDefinition(
            @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String quarter,
            @NotNull @Pattern(regexp = "^(NEW_TOTAL|ADDITION)$", message = "must be NEW_TOTAL or ADDITION") String kind,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount) {
    }

    /** Change a data centre's deployment throughput from a quarter: MULTIPLY by a factor, or SET servers a week. */
    public record ThroughputChangeDefinition(
            @NotNull String dataCenter,
            @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String quarter,
            @NotNull @Pattern(regexp = "^(MULTIPLY|SET)$", message = "must be MULTIPLY or SET") String kind,
            @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 6) BigDecimal value) {
    }

    /** Add power (MW of IT load) to a data centre from a quarter. */
    public record PowerAdditionDefinition(
            @NotNull String dataCenter,
            @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String quarter,
            @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 6) BigDecimal megawatts) {
    }
}
