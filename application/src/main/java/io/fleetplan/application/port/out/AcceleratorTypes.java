package io.fleetplan.application.port.out;

import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.shared.AcceleratorTypeId;

import java.util.List;
import java.util.Optional;

/** The accelerator types. */
public interface AcceleratorTypes {
    void add(AcceleratorType type);

    Optional<AcceleratorType> find(AcceleratorTypeId id);

    List<AcceleratorType> all();
}
