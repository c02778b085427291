package io.fleetplan.application.port.out;

import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;

/** Which orders to list: each present field narrows the list; submitted in [from, to). */
public record OrderFilter(Optional<RegionId> region, Optional<AcceleratorTypeId> accelerator,
                          Optional<WorkloadClass> tier, Optional<OrderStatus> status, Optional<TenantId> tenant,
                          Optional<Instant> from, Optional<Instant> to) {
    public static final OrderFilter ALL = new OrderFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
