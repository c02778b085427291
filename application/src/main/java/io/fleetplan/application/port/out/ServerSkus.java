package io.fleetplan.application.port.out;

import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.shared.SkuId;

import java.util.List;
import java.util.Optional;

/** The server SKUs. */
public interface ServerSkus {
    void add(ServerSku sku);

    Optional<ServerSku> find(SkuId id);

    List<ServerSku> all();
}
