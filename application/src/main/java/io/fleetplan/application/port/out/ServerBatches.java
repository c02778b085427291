package io.fleetplan.application.port.out;

import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.DataCenterId;

import java.util.List;
import java.util.Optional;

/** The server batches in the deployment pipeline. */
public interface ServerBatches {
    void add(ServerBatch batch);

    Optional<ServerBatch> find(BatchId id);

    /** Finds and holds the batch until the transaction ends. */
    Optional<ServerBatch> lock(BatchId id);

    long update(ServerBatch batch);

    /** Batches by id, optionally of one data centre. */
    List<ServerBatch> list(Optional<DataCenterId> dataCenter);
}
