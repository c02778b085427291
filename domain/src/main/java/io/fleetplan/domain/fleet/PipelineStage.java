package io.fleetplan.domain.fleet;

/** Where a server is in the deployment pipeline. */
public enum PipelineStage {
    /** Bought, not yet on site. */
    ORDERED,
    /** On site, not yet racked: "chips in a warehouse with no power". */
    DELIVERED,
    /** Racked and powered, not yet serving. */
    INSTALLED,
    /** Serving: counted in its pool's capacity. */
    IN_SERVICE,
    /** Taken out of service for good. */
    RETIRED
}
