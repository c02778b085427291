package io.fleetplan.application.port.in.access;

import io.fleetplan.domain.access.Role;
import io.fleetplan.domain.shared.Actor;

import java.util.Optional;

/** Who a presented secret belongs to: the token's name, role and, for a tenant token, its tenant. */
public record Principal(String name, Role role, Optional<String> tenant) {
    public Actor actor() {
        return new Actor(name, role.name().toLowerCase());
    }
}
