package io.fleetplan.application.service.support;

import io.fleetplan.application.port.in.InvalidCommandException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks a command's constraints once, first, and reports every violation together. */
public final class CommandValidator {
    private final Validator validator;

    public CommandValidator(Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public void validate(Object command) {
        if (command == null) {
            throw new InvalidCommandException(List.of(new InvalidCommandException.Violation("", "is required")));
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations.stream()
                    .map(v -> new InvalidCommandException.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(InvalidCommandException.Violation::path)
                            .thenComparing(InvalidCommandException.Violation::message))
                    .toList());
        }
    }
}
