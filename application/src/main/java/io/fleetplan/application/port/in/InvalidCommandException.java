package io.fleetplan.application.port.in;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command that breaks its constraints, with every violation at once (path and message).
 * Nothing was changed.
 */
public final class InvalidCommandException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidCommandException(List<Violation> violations) {
        super(violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken constraint: the field's path in the command and what is wrong with it. */
    public record Violation(String path, String message) {
    }
}
