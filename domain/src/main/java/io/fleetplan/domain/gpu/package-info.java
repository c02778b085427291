/**
 * GPU pools and capacity orders: tiered, all-or-nothing admission with reservations, strict or
 * best-effort FIFO queueing, minimal preemption of lower tiers, and a backlog that is drained
 * whenever capacity rises or GPUs are freed. {@link io.fleetplan.domain.gpu.GpuPool} holds the rules.
 */
package io.fleetplan.domain.gpu;
