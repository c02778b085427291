package io.fleetplan.application.port.in.planning;

import java.util.List;

/**
 * What a plan comes to, without its figures at every scope: the summary, and quarter by quarter the
 * fleet's backlog, the GPUs third-party leasing can have and what binds.
 *
 * @param scenario the scenario's name
 * @param start    the plan's first quarter
 * @param end      its last quarter
 * @param summary  first quarter with no backlog, peak backlog, capex used, peak undeployed inventory,
 *                 quarters each constraint bound
 * @param quarters the fleet, quarter by quarter, in order
 */
public record PlanSummaryView(String scenario, String start, String end, PlanView.SummaryView summary,
                              List<QuarterSummary> quarters) {
    public PlanSummaryView {
        quarters = List.copyOf(quarters);
    }

    /**
     * @param quarter      the quarter
     * @param backlogGpus  demand not served, summed over pools
     * @param leasableGpus GPUs leasing can have: capacity above internal demand, summed over pools
     * @param binding      what held deployment back fleet-wide; NONE when demand was met
     */
    public record QuarterSummary(String quarter, long backlogGpus, long leasableGpus, String binding) {
    }
}
