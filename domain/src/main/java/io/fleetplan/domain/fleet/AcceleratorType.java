package io.fleetplan.domain.fleet;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Require;

/** An accelerator model such as {@code H20}: the second half of a GPU pool's identity. */
public final class AcceleratorType extends AggregateRoot {
    private final AcceleratorTypeId id;
    private final String vendor;
    private final int memoryGib;

    private AcceleratorType(AcceleratorTypeId id, String vendor, int memoryGib, long version) {
        super(version);
        this.id = Require.present(id, "acceleratorType");
        this.vendor = Require.text(vendor, "vendor", 100);
        this.memoryGib = (int) Require.positive(memoryGib, "memoryGib");
    }

    public static AcceleratorType register(AcceleratorTypeId id, String vendor, int memoryGib) {
        AcceleratorType type = new AcceleratorType(id, vendor, memoryGib, 0);
        type.record(DomainEvent.of(EventType.ACCELERATOR_TYPE_REGISTERED, id, "", "vendor", vendor, "memoryGib",
                memoryGib));
        return type;
    }

    public static AcceleratorType reconstitute(AcceleratorTypeId id, String vendor, int memoryGib, long version) {
        return new AcceleratorType(id, vendor, memoryGib, version);
    }

    public AcceleratorTypeId id() {
        return id;
    }

    public String vendor() {
        return vendor;
    }

    public int memoryGib() {
        return memoryGib;
    }
}
