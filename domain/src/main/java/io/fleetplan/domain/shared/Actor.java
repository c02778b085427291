package io.fleetplan.domain.shared;

/** Who made a change: a token's name and role, a tenant, or the system itself. Recorded with every event. */
public record Actor(String name, String role) {
    public static final Actor SYSTEM = new Actor("fleetplan", "system");

    public Actor {
        Require.text(name, "actor", 200);
        Require.text(role, "role", 50);
    }
}
