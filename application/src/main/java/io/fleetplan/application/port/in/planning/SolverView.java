package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Money;

import java.math.BigDecimal;

/**
 * The solver's answer: the least relaxation of one lever that clears the backlog by a quarter, or
 * why that lever alone cannot.
 *
 * @param answer             one sentence for people
 * @param extraCapex         with lever CAPEX and cleared: the least extra capital
 * @param throughputMultiplier with lever THROUGHPUT and cleared: the least multiplier of every site's throughput
 * @param extraPowerMwPerDataCenter with lever POWER and cleared: the least MW added to every data centre
 * @param blockedBy          when not cleared: the constraint that then binds
 * @param blockedAt          when not cleared: the quarter where it binds
 */
public record SolverView(String scenario, String lever, String clearBy, boolean cleared, String answer,
                         Money extraCapex, BigDecimal throughputMultiplier, BigDecimal extraPowerMwPerDataCenter,
                         String blockedBy, String blockedAt, PlanView.SummaryView summary) {
}
