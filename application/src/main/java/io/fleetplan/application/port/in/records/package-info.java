/** Bulk loading: many records imported at once, all or nothing, with line-numbered errors. */
package io.fleetplan.application.port.in.records;
