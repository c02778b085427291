package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Money;

import java.math.BigDecimal;

/** A market benchmark a scenario may take its growth from. */
public record GrowthPresetView(String provider, String quarter, Money quarterlyRevenue, BigDecimal yoy,
                               BigDecimal quarterlyRate) {
}
