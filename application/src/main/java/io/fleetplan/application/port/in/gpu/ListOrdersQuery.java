package io.fleetplan.application.port.in.gpu;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * Filters for listing orders; every field may be null (no filter). {@code from} inclusive,
 * {@code to} exclusive, on submitted-at. {@code cursor} continues a previous page.
 */
public record ListOrdersQuery(
        @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
        @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String acceleratorType,
        @Pattern(regexp = "^(INTERNAL_TRAINING|MODEL_PLATFORM|EXTERNAL_LEASE)$", message = "must be INTERNAL_TRAINING, MODEL_PLATFORM or EXTERNAL_LEASE") String tier,
        @Pattern(regexp = "^(PENDING|ALLOCATED|RELEASED|CANCELLED)$", message = "must be PENDING, ALLOCATED, RELEASED or CANCELLED") String status,
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a tenant id") String tenant,
        Instant from,
        Instant to,
        @Min(1) @Max(1000) int limit,
        String cursor) {
}
