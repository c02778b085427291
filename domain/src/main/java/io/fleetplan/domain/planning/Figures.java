package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Require;

/**
 * One quarter of a plan for one scope: a data centre, a pool, a region or the whole fleet.
 * GPU figures are in accelerators, server figures in servers.
 *
 * @param demandInternalGpus demand of the internal tiers, served first
 * @param demandExternalGpus demand for third-party leasing
 * @param capacityGpus       GPUs in service at the end of the quarter
 * @param backlogGpus        demand not served: {@code max(0, demand - capacity)} for a pool; the sum over
 *                           pools for a region and the fleet (GPUs of one pool cannot serve another);
 *                           for a data centre, the demand placed on it that it does not serve
 * @param leasableGpus       GPUs third-party leasing can have: {@code max(0, capacity - internal demand)}
 *                           for a pool or data centre, the sum over pools above
 * @param deployedServers    servers brought into service in the quarter
 * @param purchasedServers   servers bought in the quarter
 * @param arrivingServers    servers delivered in the quarter (pipeline and purchases a lead time ago)
 * @param inventoryServers   servers on site and not in service at the end of the quarter
 * @param powerHeadroom      power left at the end of the quarter (for a pool: left in its SKUs' shares)
 * @param capexSpent         money spent on servers in the quarter
 * @param depreciation       straight-line depreciation in the quarter of the servers bought in the plan
 * @param binding            what held deployment back; {@link BindingConstraint#NONE} when demand was met
 */
public record Figures(long demandInternalGpus, long demandExternalGpus, long capacityGpus, long backlogGpus,
                      long leasableGpus, long deployedServers, long purchasedServers, long arrivingServers,
                      long inventoryServers, Power powerHeadroom, Money capexSpent, Money depreciation,
                      BindingConstraint binding) {

    public Figures {
        Require.present(powerHeadroom, "powerHeadroom");
        Require.present(capexSpent, "capexSpent");
        Require.present(depreciation, "depreciation");
        Require.present(binding, "binding");
    }

    /** Internal and external demand together. */
    public long demandGpus() {
        return demandInternalGpus + demandExternalGpus;
    }
}
