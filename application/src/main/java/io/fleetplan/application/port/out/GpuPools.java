package io.fleetplan.application.port.out;

import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.shared.PoolId;

import java.util.List;
import java.util.Optional;

/**
 * The GPU pools. Every change to a pool or its orders happens while holding the pool ({@link #lock}),
 * which is what keeps {@code allocated <= capacity} true across threads, processes and nodes.
 */
public interface GpuPools {
    void add(GpuPool pool);

    Optional<GpuPool> find(PoolId id);

    /** Finds and holds the pool until the transaction ends (a row lock in a database). */
    Optional<GpuPool> lock(PoolId id);

    long update(GpuPool pool);

    /** Every pool, by id. */
    List<GpuPool> all();
}
