package io.fleetplan.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fleetplan.application.port.in.InvalidCommandException;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DomainException;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.RuleViolationException;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become responses: every exception a request raises is turned into
 * an RFC 9457 problem here. Client mistakes are 4xx with a stable code; anything unexpected is a
 * 500 that carries only a correlation id, while the cause is logged under that id.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The problem for {@code failure} raised while serving {@code instance}. */
    static Problem of(Throwable failure, String instance, boolean ifMatchSent) {
        if (failure instanceof HttpProblem p) {
            return problem(p.status(), p.code(), p.getMessage(), instance,
                    p.status() == 400 ? p.violations() : null);
        }
        if (failure instanceof InvalidCommandException e) {
            List<Problem.Violation> violations = e.violations().stream().map(Problem.Violation::of).toList();
            return problem(400, "invalid-request", "the request breaks " + violations.size()
                    + (violations.size() == 1 ? " constraint" : " constraints"), instance, violations);
        }
        if (failure instanceof InvalidValueException e) {
            return problem(400, e.code(), e.getMessage(), instance,
                    List.of(new Problem.Violation(e.field(), e.getMessage())));
        }
        if (failure instanceof NotFoundException e) {
            return problem(404, e.code(), e.getMessage(), instance, null);
        }
        if (failure instanceof ConflictException e) {
            if ("stale-version".equals(e.code()) && ifMatchSent) {
                return problem(412, e.code(), e.getMessage(), instance, null);
            }
            return problem(409, e.code(), e.getMessage(), instance, null);
        }
        if (failure instanceof RuleViolationException e) {
            return problem(422, e.code(), e.getMessage(), instance, null);
        }
        if (failure instanceof DomainException e) {
            return problem(422, e.code(), e.getMessage(), instance, null);
        }
        if (failure instanceof JacksonException e) {
            return unreadable(e, instance);
        }
        if (failure instanceof HttpResponseException e) {
            return fromJavalin(e.getStatus(), instance);
        }
        if (failure instanceof OpsRoutes.StoreUnavailable) {
            String correlationId = UUID.randomUUID().toString();
            LOG.error("health check on {} failed; correlation id {}", instance, correlationId, failure.getCause());
            return new Problem(Problem.type("store-unavailable"), title(503), 503,
                    "the store did not answer; quote correlation id " + correlationId, instance, "store-unavailable",
                    null, correlationId);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.error("request to {} failed; correlation id {}", instance, correlationId, failure);
        return new Problem(Problem.type("internal-error"), title(500), 500,
                "the server failed to handle the request; quote correlation id " + correlationId, instance,
                "internal-error", null, correlationId);
    }

    static Problem problem(int status, String code, String detail, String instance, List<Problem.Violation> violations) {
        List<Problem.Violation> listed = null;
        if (status == 400) {
            listed = violations == null || violations.isEmpty() ? List.of(new Problem.Violation("", detail)) : violations;
        }
        return new Problem(Problem.type(code), title(status), status, detail, instance, code, listed, null);
    }

    static Problem fromJavalin(int status, String instance) {
        return switch (status) {
            case 404 -> problem(404, "route-not-found", "no route matches this path", instance, null);
            case 405 -> problem(405, "method-not-allowed", "this path does not take this method", instance, null);
            case 413 -> problem(413, "body-too-large", "the request body is too large", instance, null);
            case 400 -> problem(400, "invalid-request", "the request is malformed", instance, null);
            default -> status >= 400 && status < 500
                    ? problem(status, "client-error", "the request was refused", instance, null)
                    : of(new IllegalStateException("server status " + status), instance, false);
        };
    }

    private static Problem unreadable(JacksonException e, String instance) {
        if (e instanceof StreamConstraintsException) {
            return problem(400, "malformed-json", "the body exceeds the JSON limits (nesting, number or string length)",
                    instance, null);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            Collection<Object> known = u.getKnownPropertyIds();
            String message = "is not a field of this request"
                    + (known == null || known.isEmpty() ? "" : "; known fields: " + known.stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")));
            return problem(400, "invalid-request", path + ": " + message, instance,
                    List.of(new Problem.Violation(path, message)));
        }
        if (e instanceof InputCoercionException c) {
            String field = "";
            try {
                if (c.getProcessor() != null && c.getProcessor().currentName() != null) {
                    field = c.getProcessor().currentName();
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // the field stays unnamed
            }
            return problem(400, "invalid-request", (field.isEmpty() ? "a number" : field) + " is out of range",
                    instance, List.of(new Problem.Violation(field, "is out of range")));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String path = path(m);
            String message = "must be " + expected(m.getTargetType());
            if (m instanceof InvalidNullException || String.valueOf(m.getOriginalMessage()).startsWith("Cannot map `null`")) {
                message = "must not be null";
            } else if (m instanceof InvalidFormatException f && f.getValue() instanceof BigDecimal) {
                message = "is out of range";
            }
            return problem(400, "invalid-request", path + ": " + message, instance,
                    List.of(new Problem.Violation(path, message)));
        }
        if (e instanceof MismatchedInputException m) {
            String message = "the body must be " + expected(m.getTargetType());
            return problem(400, "invalid-request", message, instance, List.of(new Problem.Violation("", message)));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = path(m);
            String message = m.getCause() instanceof InputCoercionException ? "is out of range" : "has an invalid value";
            return problem(400, "invalid-request", path + ": " + message, instance,
                    List.of(new Problem.Violation(path, message)));
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return problem(400, "malformed-json", "the body is not well-formed JSON" + where, instance, null);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 428 -> "Precondition required";
            case 500 -> "Internal server error";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }
}
