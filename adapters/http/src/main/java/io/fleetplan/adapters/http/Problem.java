package io.fleetplan.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetplan.application.port.in.InvalidCommandException;

import java.util.List;

/**
 * An RFC 9457 problem detail as written to clients, with Fleetplan's stable {@code code}, the
 * field {@code violations} of a 400 and the {@code correlationId} of a 500.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance, String code,
               List<Violation> violations, String correlationId) {
    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        violations = violations == null ? null : List.copyOf(violations);
    }

    /** One broken constraint of a request: where (a field path, or a parameter name) and what is wrong. */
    record Violation(String path, String message) {
        static Violation of(InvalidCommandException.Violation v) {
            return new Violation(v.path(), v.message());
        }
    }

    static String type(String code) {
        return "urn:fleetplan:problem:" + code;
    }
}
