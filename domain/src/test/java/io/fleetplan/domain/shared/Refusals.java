package io.fleetplan.domain.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the model's refusals: tests branch on the stable code (and field), never on the message. */
public final class Refusals {
    private Refusals() {
    }

    /** The call is refused by a business rule with this code. */
    public static void assertRuleViolation(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** The call is refused because a value can never be valid; the error names the field. */
    public static void assertInvalidValue(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid-value");
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
