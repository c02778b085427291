/** API tokens: create, list, revoke, authenticate, and the first admin token. */
package io.fleetplan.application.port.in.access;
