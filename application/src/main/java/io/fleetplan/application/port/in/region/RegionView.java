package io.fleetplan.application.port.in.region;

/** A region as clients see it. */
public record RegionView(String id, String name, long version) {
}
