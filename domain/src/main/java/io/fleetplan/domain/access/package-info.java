/** Access to the API: bearer tokens with a role, optionally bound to one tenant, kept only as hashes. */
package io.fleetplan.domain.access;
