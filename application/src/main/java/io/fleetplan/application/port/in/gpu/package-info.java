/** GPU pools and capacity orders: submit, cancel, release, reservations and pool policy, and the reads of pools, orders and backlogs. */
package io.fleetplan.application.port.in.gpu;
