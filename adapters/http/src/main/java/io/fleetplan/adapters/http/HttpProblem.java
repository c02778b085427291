package io.fleetplan.adapters.http;

import java.util.List;

/** A refusal decided by the HTTP layer itself (auth, media type, size, preconditions, parameters). */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Problem.Violation> violations;

    HttpProblem(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    HttpProblem(int status, String code, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    static HttpProblem badRequest(String path, String message) {
        return new HttpProblem(400, "invalid-request", path + ": " + message, List.of(new Problem.Violation(path, message)));
    }

    static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "unauthenticated", detail);
    }

    static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "forbidden", detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Problem.Violation> violations() {
        return violations;
    }
}
