package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.util.List;
import java.util.Optional;

/**
 * A market benchmark a scenario can borrow its demand growth from: a cloud provider's reported
 * year-over-year revenue growth in one quarter, with the quarter's revenue where it is known.
 * Revenue growth stands in for demand growth; that is the planner's assumption, not a fact.
 *
 * @param provider         who reported it
 * @param quarter          the calendar quarter the growth was reported for
 * @param quarterlyRevenue the quarter's revenue, when the provider discloses it
 * @param growth           the reported year-over-year growth
 */
public record GrowthPreset(String provider, Quarter quarter, Optional<Money> quarterlyRevenue, YoyGrowth growth) {

    /** Alibaba Cloud Intelligence, calendar 2025Q3 (the September quarter): revenue about 5.6 billion USD, +34%. */
    public static final GrowthPreset ALIBABA_CLOUD = new GrowthPreset("Alibaba Cloud", Quarter.parse("2025Q3"),
            Optional.of(Money.of("5600000000", "USD")), YoyGrowth.of("0.34"));

    /**
     * Microsoft Azure and other cloud services, calendar 2025Q3 (Microsoft's fiscal 2026 Q1): +40%.
     * Microsoft does not report Azure revenue on its own, so there is none here.
     */
    public static final GrowthPreset MICROSOFT_AZURE = new GrowthPreset("Microsoft Azure", Quarter.parse("2025Q3"),
            Optional.empty(), YoyGrowth.of("0.40"));

    /** Google Cloud, calendar 2025Q3: +33.5% (revenue left out rather than quoted from memory). */
    public static final GrowthPreset GOOGLE_CLOUD = new GrowthPreset("Google Cloud", Quarter.parse("2025Q3"),
            Optional.empty(), YoyGrowth.of("0.335"));

    public GrowthPreset {
        Require.text(provider, "provider", 100);
        Require.present(quarter, "quarter");
        Require.present(quarterlyRevenue, "quarterlyRevenue");
        Require.present(growth, "growth");
        quarterlyRevenue.ifPresent(revenue -> {
            if (revenue.signum() < 0) {
                throw new io.fleetplan.domain.shared.InvalidValueException("quarterlyRevenue",
                        "quarterly revenue must not be negative");
            }
        });
    }

    /** The presets Fleetplan ships, in a stable order. */
    public static List<GrowthPreset> shipped() {
        return List.of(ALIBABA_CLOUD, MICROSOFT_AZURE, GOOGLE_CLOUD);
    }
}
