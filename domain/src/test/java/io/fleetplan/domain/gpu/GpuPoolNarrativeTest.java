package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import org.junit.jupiter.api.Test;

import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders grow faster than servers are deployed: one pool through a busy quarter. */
class GpuPoolNarrativeTest {

    @Test
    void aTrainingRunTakesLeasedGpusBackAndTheBacklogClearsAsServersComeIntoService() {
        // 100 H20 servers of 8 GPUs are in service; the model platform keeps 160 GPUs for itself.
        PoolScenario s = PoolScenario.withCapacity(800);
        s.reserve(MODEL_PLATFORM, 160);

        // Third parties lease what they may; the platform runs inference in its reservation.
        s.submit("lease-acme", EXTERNAL_LEASE, 320);
        s.submit("lease-globex", EXTERNAL_LEASE, 320);
        s.submit("lease-initech", EXTERNAL_LEASE, 160);
        s.submit("platform-inference", MODEL_PLATFORM, 160);
        assertThat(s.allocated()).containsExactly("lease-acme", "lease-globex", "platform-inference");
        assertThat(s.backlog()).as("the last 160 GPUs were held for the platform").containsExactly("lease-initech");

        // A training run needs 256 GPUs at once: the newest lease alone covers it and is preempted.
        s.events();
        s.submit("training-run", INTERNAL_TRAINING, 256);

        assertThat(s.allocated()).containsExactly("lease-acme", "platform-inference", "training-run");
        assertThat(s.backlog()).containsExactly("lease-globex", "lease-initech");
        assertThat(s.pool.free()).isEqualTo(64);
        assertThat(s.events(EventType.ORDER_PREEMPTED)).extracting(DomainEvent::subject)
                .containsExactly("lease-globex");

        // A rack fails: 16 servers retired, 128 GPUs gone. The lowest tier gives them back, and the
        // smaller lease fits in what is left while the larger ones wait.
        s.changeCapacity(-128);

        assertThat(s.allocated()).containsExactly("lease-initech", "platform-inference", "training-run");
        assertThat(s.backlog()).containsExactly("lease-acme", "lease-globex");
        assertThat(s.pool.free()).isEqualTo(96);

        // 80 servers (640 GPUs) come into service: the backlog drains in order and clears.
        s.changeCapacity(640);

        assertThat(s.backlog()).isEmpty();
        assertThat(s.pool.free()).isEqualTo(96);

        // The training run ends and gives its GPUs back.
        s.release("training-run");

        assertThat(s.pool.allocatedByTier()).containsEntry(EXTERNAL_LEASE, 800L).containsEntry(MODEL_PLATFORM, 160L)
                .containsEntry(INTERNAL_TRAINING, 0L);
        assertThat(s.pool.free()).isEqualTo(352);
        assertThat(s.order("lease-acme").preemptions()).isEqualTo(1);
        assertThat(s.order("lease-globex").preemptions()).isEqualTo(1);
        assertThat(s.order("lease-initech").preemptions()).isZero();
    }
}
