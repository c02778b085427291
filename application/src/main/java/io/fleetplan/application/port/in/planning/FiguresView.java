package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Money;

import java.math.BigDecimal;

/**
 * One quarter's figures for one scope (the fleet, a region, a pool or a data centre). GPUs for
 * demand, capacity and backlog; servers for deployed, purchased, arriving and inventory.
 *
 * @param leasable GPUs available to third-party leasing: capacity less internal demand, never below zero
 * @param binding  what held deployment back when demand was unmet: POWER, DEPLOYMENT, SUPPLY, CAPITAL; NONE when met
 */
public record FiguresView(long demandInternal, long demandExternal, long demand, long capacity, long backlog,
                          long leasable, long deployed, long purchased, long arriving, long inventory,
                          BigDecimal powerHeadroomKw, Money capexSpent, Money depreciation, String binding) {
}
