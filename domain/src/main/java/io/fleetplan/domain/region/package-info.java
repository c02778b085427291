/** Regions and their data centres: where capacity lives, how much power it may draw, how fast it is deployed. */
package io.fleetplan.domain.region;
