package io.fleetplan.domain.planning;

/**
 * What held deployment back in a quarter where demand was not met. When several terms tie, the
 * earlier one in this order is named: power first (hardware on site could not have been powered
 * anyway), then deployment throughput, then the hardware itself.
 */
public enum BindingConstraint {
    /** The site had no power headroom for more servers. */
    POWER,
    /** The site's crews could not rack more servers this quarter. */
    DEPLOYMENT,
    /** The servers were not on site: pipeline deliveries and lead time. */
    SUPPLY,
    /** The servers were not on site because buying them in time was capped by capital. */
    CAPITAL,
    /** Demand was met. */
    NONE
}
