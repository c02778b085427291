package io.fleetplan.application.port.in.gpu;

import java.time.Instant;

/**
 * A capacity order as clients see it.
 *
 * @param replayed true when a submission was answered with the order an earlier submission with the
 *                 same idempotency key created
 */
public record OrderView(String id, String pool, String region, String acceleratorType, String tenant, String tier,
                        long gpus, String status, Instant submittedAt, Instant admittedAt, Instant closedAt,
                        int preemptions, String idempotencyKey, boolean replayed) {
}
