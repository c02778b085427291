package io.fleetplan.bootstrap;

import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.region.DataCenterView;
import io.fleetplan.application.port.in.region.RegionQueries;

import java.io.PrintStream;
import java.time.Clock;

/**
 * The runnable jar. Loads the demo fleet into an embedded in-memory instance and prints where
 * capacity is short and what the capex programme looks like.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        try (Fleetplan fleetplan = Fleetplan.inMemory(Clock.systemUTC())) {
            DemoData.load(fleetplan);
            out.println("Fleetplan demo (in-memory)");
            out.println();
            out.printf("%-22s %10s %10s %10s %10s%n", "pool", "capacity", "allocated", "free", "backlog");
            for (PoolView pool : fleetplan.get(OrderQueries.class).pools()) {
                out.printf("%-22s %10d %10d %10d %10d%n", pool.id(), pool.capacity(), pool.allocated(), pool.free(),
                        pool.backlogGpus());
            }
            out.println();
            out.printf("%-10s %-16s %12s %12s %12s%n", "dc", "region", "in service", "undeployed", "power kW");
            for (DataCenterView dc : fleetplan.get(RegionQueries.class).dataCenters(null)) {
                out.printf("%-10s %-16s %12d %12d %5s/%-6s%n", dc.id(), dc.region(),
                        dc.serversByStage().get("IN_SERVICE"), dc.undeployed(), dc.powerInUseKw().toPlainString(),
                        dc.powerCapacityKw().toPlainString());
            }
            CommitmentStatusView capex = fleetplan.get(CapexQueries.class).status(DemoData.COMMITMENT, DemoData.AS_OF);
            out.println();
            out.printf("capex %s as of %s: %s spent of %s (%s%%), %s remaining, run rate needed %s a year, "
                            + "exhausted at the current burn in %s%n", capex.id(), capex.asOf(), capex.spent(),
                    capex.total(), capex.percentDeployed().toPlainString(), capex.remaining(),
                    capex.requiredAnnualRunRate(), capex.exhaustionQuarter());
        }
    }
}
