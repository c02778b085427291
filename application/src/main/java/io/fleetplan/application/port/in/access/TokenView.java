package io.fleetplan.application.port.in.access;

import java.time.Instant;

/** A token as listed: never its secret. */
public record TokenView(String name, String role, String tenant, Instant createdAt, Instant revokedAt) {
}
