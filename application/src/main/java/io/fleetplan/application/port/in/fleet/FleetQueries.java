package io.fleetplan.application.port.in.fleet;

import java.util.List;

/** Reads accelerator types, SKUs and batches. */
public interface FleetQueries {
    List<AcceleratorTypeView> acceleratorTypes();

    List<ServerSkuView> skus();

    /** Batches by id; of one data centre when {@code dataCenter} is not null. */
    List<BatchView> batches(String dataCenter);

    BatchView batch(String id);
}
