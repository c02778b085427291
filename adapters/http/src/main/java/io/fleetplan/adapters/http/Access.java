package io.fleetplan.adapters.http;

import io.fleetplan.domain.access.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route: nobody needs a token for a public route; otherwise the caller's role must
 * be one of {@code roles}. Tenant tokens reach only routes that list {@link Role#TENANT}, and those
 * routes narrow what they do to the caller's tenant.
 */
record Access(boolean isPublic, Set<Role> roles) {
    static final Access PUBLIC = new Access(true, Set.of());
    /** Any valid token, staff or tenant. */
    static final Access ANY_TOKEN = of(Role.values());
    /** Reads open to every staff role. */
    static final Access READ = of(Role.VIEWER, Role.OPERATOR, Role.PLANNER, Role.ADMIN);
    /** Regions, data centres, the fleet and pools. */
    static final Access OPERATE = of(Role.OPERATOR, Role.ADMIN);
    /** Capex commitments. */
    static final Access PLAN = of(Role.PLANNER, Role.ADMIN);
    /** Tokens. */
    static final Access ADMIN = of(Role.ADMIN);
    /** Reading orders: staff, and tenants for their own. */
    static final Access READ_ORDERS = of(Role.VIEWER, Role.OPERATOR, Role.PLANNER, Role.ADMIN, Role.TENANT);
    /** Submitting, cancelling and releasing orders: operators, admins, and tenants for their own. */
    static final Access WRITE_ORDERS = of(Role.OPERATOR, Role.ADMIN, Role.TENANT);

    Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static Access of(Role... roles) {
        return new Access(false, Set.of(roles));
    }

    boolean allows(Role role) {
        return isPublic || roles.contains(role);
    }

    /** The roles, lower case and in declaration order, for documentation. */
    String describe() {
        if (isPublic) {
            return "public";
        }
        return EnumSet.copyOf(roles).stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
