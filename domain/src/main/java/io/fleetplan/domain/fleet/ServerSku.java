package io.fleetplan.domain.fleet;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.SkuId;

/** A server model: which accelerator, how many per server, what it draws and what it costs. */
public final class ServerSku extends AggregateRoot {
    private final SkuId id;
    private final String name;
    private final AcceleratorTypeId accelerator;
    private final int acceleratorsPerServer;
    private final Power powerPerServer;
    private final Money unitCost;

    private ServerSku(SkuId id, String name, AcceleratorTypeId accelerator, int acceleratorsPerServer,
                      Power powerPerServer, Money unitCost, long version) {
        super(version);
        this.id = Require.present(id, "skuId");
        this.name = Require.text(name, "name", 200);
        this.accelerator = Require.present(accelerator, "acceleratorType");
        this.acceleratorsPerServer = (int) Require.positive(acceleratorsPerServer, "acceleratorsPerServer");
        this.powerPerServer = Require.present(powerPerServer, "powerPerServer");
        if (powerPerServer.isZero()) {
            throw new InvalidValueException("powerPerServer", "power per server must be positive");
        }
        this.unitCost = Require.present(unitCost, "unitCost");
        if (!unitCost.isPositive()) {
            throw new InvalidValueException("unitCost", "unit cost must be positive");
        }
    }

    public static ServerSku register(SkuId id, String name, AcceleratorTypeId accelerator, int acceleratorsPerServer,
                                     Power powerPerServer, Money unitCost) {
        ServerSku sku = new ServerSku(id, name, accelerator, acceleratorsPerServer, powerPerServer, unitCost, 0);
        sku.record(DomainEvent.of(EventType.SERVER_SKU_REGISTERED, id, "", "acceleratorType", accelerator,
                "acceleratorsPerServer", acceleratorsPerServer, "powerPerServerKw",
                powerPerServer.kilowatts().toPlainString(), "unitCost", unitCost));
        return sku;
    }

    public static ServerSku reconstitute(SkuId id, String name, AcceleratorTypeId accelerator,
                                         int acceleratorsPerServer, Power powerPerServer, Money unitCost,
                                         long version) {
        return new ServerSku(id, name, accelerator, acceleratorsPerServer, powerPerServer, unitCost, version);
    }

    /** GPUs that {@code servers} servers of this model bring into a pool. */
    public long acceleratorsIn(long servers) {
        return Math.multiplyExact(servers, (long) acceleratorsPerServer);
    }

    /** Power that {@code servers} servers of this model draw. */
    public Power powerOf(long servers) {
        return powerPerServer.times(servers);
    }

    public SkuId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public AcceleratorTypeId accelerator() {
        return accelerator;
    }

    public int acceleratorsPerServer() {
        return acceleratorsPerServer;
    }

    public Power powerPerServer() {
        return powerPerServer;
    }

    public Money unitCost() {
        return unitCost;
    }
}
