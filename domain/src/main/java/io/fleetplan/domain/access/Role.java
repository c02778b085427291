package io.fleetplan.domain.access;

/** What a token may do. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Reads everything; changes regions, data centres, the fleet and pools. */
    OPERATOR,
    /** Reads everything; changes capex and scenarios. */
    PLANNER,
    /** Everything, tokens included. */
    ADMIN,
    /** Submits and sees only the orders of its own tenant. */
    TENANT
}
