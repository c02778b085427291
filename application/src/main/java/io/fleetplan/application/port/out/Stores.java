package io.fleetplan.application.port.out;

import java.util.Objects;

/**
 * Everything a store provides, as one bundle: what an adapter hands to the application when it is
 * chosen. All repositories join the transactions of {@link #unitOfWork()}.
 */
public record Stores(Regions regions, DataCenters dataCenters, AcceleratorTypes acceleratorTypes, ServerSkus skus,
                     ServerBatches batches, GpuPools pools, CapacityOrders orders, CapexCommitments commitments,
                     EventLog events, ApiTokens tokens, Scenarios scenarios,
                     UnitOfWork unitOfWork) {
    public Stores {
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(dataCenters, "dataCenters");
        Objects.requireNonNull(acceleratorTypes, "acceleratorTypes");
        Objects.requireNonNull(skus, "skus");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(pools, "pools");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(scenarios, "scenarios");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
    }
}
