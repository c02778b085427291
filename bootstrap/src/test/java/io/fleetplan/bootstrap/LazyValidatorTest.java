package io.fleetplan.bootstrap;

import io.fleetplan.application.port.in.access.ManageTokens;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The command validator is built on the first command it checks, once, and checks as before. */
class LazyValidatorTest {
    private final AtomicInteger builds = new AtomicInteger();
    private final LazyValidator validator = new LazyValidator(() -> {
        builds.incrementAndGet();
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    });

    @Test
    void aPlainStringIsAnsweredWithoutBuildingTheValidator() {
        assertThat(validator.validate("bootstrap")).isEmpty();
        assertThat(builds).hasValue(0);
        assertThat(validator.isBuilt()).isFalse();
    }

    @Test
    void theFirstCommandBuildsItOnceAndItsViolationsAreReported() {
        assertThat(validator.validate(new ManageTokens.Command("ops", "NOBODY", null)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("role");
        assertThat(validator.validate(new ManageTokens.Command("ops", "ADMIN", null))).isEmpty();
        assertThat(builds).hasValue(1);
        assertThat(validator.isBuilt()).isTrue();
    }

    @Test
    void theServerWiringProvidesTheLazyValidator() {
        try (Fleetplan fleetplan = Fleetplan.inMemory()) {
            Validator provided = fleetplan.injector().getInstance(Validator.class);
            assertThat(provided).isInstanceOf(LazyValidator.class);
        }
    }
}
