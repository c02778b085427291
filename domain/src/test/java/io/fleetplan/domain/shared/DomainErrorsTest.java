package io.fleetplan.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

class DomainErrorsTest {

    @Test
    void invalidValuesCarryOneCodeAndTheFieldThatIsWrong() {
        InvalidValueException e = new InvalidValueException("gpus", "gpus must be positive, was 0");
        assertThat(e).isInstanceOf(DomainException.class).isInstanceOf(RuntimeException.class);
        assertThat(e.code()).isEqualTo("invalid-value");
        assertThat(e.field()).isEqualTo("gpus");
    }

    @Test
    void ruleViolationsCarryTheirOwnCode() {
        RuleViolationException e = new RuleViolationException("power-capacity-exceeded", "too much");
        assertThat(e).isInstanceOf(DomainException.class);
        assertThat(e.code()).isEqualTo("power-capacity-exceeded");
    }

    @Test
    void notFoundCodesNameTheKind() {
        NotFoundException e = new NotFoundException("data-center", DataCenterId.of("hz-a"));
        assertThat(e.code()).isEqualTo("data-center-not-found");
        assertThat(e).hasMessage("data center 'hz-a' does not exist");
    }

    @Test
    void conflictsNameTheKindOrTheStaleVersion() {
        assertThat(ConflictException.alreadyExists("region", RegionId.of("cn-hangzhou")).code())
                .isEqualTo("region-exists");
        ConflictException stale = ConflictException.staleVersion("gpu-pool", "cn-hangzhou/H20", 3, 4);
        assertThat(stale.code()).isEqualTo("stale-version");
        assertThat(stale.getMessage()).contains("gpu pool", "version 4", "not 3");
    }

    @Test
    void missingValuesAreInvalidValuesNamingTheField() {
        assertThat(catchThrowable(() -> Require.present(null, "tier")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tier"));
    }

    @Test
    void eventsKeepTheirDetailsInTheGivenOrderAndNeverANullReason() {
        DomainEvent event = DomainEvent.of(EventType.ORDER_QUEUED, OrderId.of("o-1"), null, "pool", "cn-hangzhou/H20",
                "tier", "EXTERNAL_LEASE", "gpus", 8);
        assertThat(event.subject()).isEqualTo("o-1");
        assertThat(event.reason()).isEmpty();
        assertThat(event.details()).containsExactly(
                entry("pool", "cn-hangzhou/H20"),
                entry("tier", "EXTERNAL_LEASE"),
                entry("gpus", "8"));
    }

    @Test
    void eventDetailsCannotBeChangedAfterTheFact() {
        DomainEvent event = DomainEvent.of(EventType.POOL_CREATED, "cn-hangzhou/H20", "", "k", "v");
        assertThatThrownBy(() -> event.details().put("k", "w"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
