/**
 * In-ports: the application service API. One interface per use case, with its command or query
 * record (Jakarta Validation constraints, checked first; a violation changes nothing) and the
 * immutable views it returns. Adapters (HTTP, CLI) and embedding programs call only these.
 */
package io.fleetplan.application.port.in;
