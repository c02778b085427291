package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.OrderId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.fleetplan.domain.gpu.QueueingMode.BEST_EFFORT_FIFO;
import static io.fleetplan.domain.gpu.QueueingMode.STRICT_FIFO;
import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

/** Preemption by higher tiers, and what a loss of capacity takes back. */
class GpuPoolPreemptionTest {

    @Nested
    class ByAHigherTier {

        @Test
        void takesGpusFromALowerTierWhenTheOrderDoesNotFit() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease", EXTERNAL_LEASE, 8);

            CapacityOrder training = s.submit("training", INTERNAL_TRAINING, 6);

            assertThat(training.status()).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.status("lease")).isEqualTo(OrderStatus.PENDING);
            assertThat(s.pool.allocatedByTier()).containsEntry(INTERNAL_TRAINING, 6L).containsEntry(EXTERNAL_LEASE, 0L);
            assertThat(s.pool.pendingGpus(EXTERNAL_LEASE)).isEqualTo(8);
        }

        @Test
        void takesOnlyWhatTheFreeGpusDoNotCover() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease-a", EXTERNAL_LEASE, 3);
            s.submit("lease-b", EXTERNAL_LEASE, 3);
            s.submit("lease-c", EXTERNAL_LEASE, 3);

            s.submit("training", INTERNAL_TRAINING, 4);

            assertThat(s.backlog()).as("one free GPU and one 3-GPU victim cover 4").containsExactly("lease-c");
            assertThat(s.pool.free()).isZero();
        }

        @Test
        void takesTheLowestTierFirstEvenWhenItWasAdmittedEarlier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease", EXTERNAL_LEASE, 5);
            s.submit("platform", MODEL_PLATFORM, 5);

            s.submit("training", INTERNAL_TRAINING, 5);

            assertThat(s.allocated()).containsExactly("platform", "training");
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void takesTheNewestAdmissionFirstWithinATier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("older", EXTERNAL_LEASE, 5);
            s.submit("newer", EXTERNAL_LEASE, 5);

            s.submit("training", INTERNAL_TRAINING, 5);

            assertThat(s.allocated()).containsExactly("older", "training");
        }

        @Test
        void judgesNewestByAdmissionNotBySubmission() {
            PoolScenario s = PoolScenario.withCapacity(0);
            s.submit("submitted-first", EXTERNAL_LEASE, 5);
            s.changeCapacity(3);
            s.submit("submitted-later", EXTERNAL_LEASE, 3);
            s.changeCapacity(5);
            assertThat(s.order("submitted-first").admission())
                    .as("admitted after the later submission")
                    .isGreaterThan(s.order("submitted-later").admission());

            s.submit("training", INTERNAL_TRAINING, 3);

            assertThat(s.backlog()).containsExactly("submitted-first");
            assertThat(s.allocated()).containsExactly("submitted-later", "training");
        }

        @Test
        void handsBackAnEarlierPickedVictimThatTurnedOutUnnecessary() {
            // Candidates in preemption order: small (2 GPUs, newest), then big (6 GPUs).
            // Picking stops at big with 8 freed for a need of 5; handing back in reverse order
            // keeps big (8 - 6 < 5) and returns small (8 - 2 >= 5): only big is preempted.
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("big", EXTERNAL_LEASE, 6);
            s.submit("small", EXTERNAL_LEASE, 2);
            s.submit("platform", MODEL_PLATFORM, 2);
            assertThat(s.pool.free()).isZero();
            s.events();

            s.submit("training", INTERNAL_TRAINING, 5);

            assertThat(s.backlog()).containsExactly("big");
            assertThat(s.allocated()).containsExactly("small", "platform", "training");
            assertThat(s.order("small").preemptions()).isZero();
            assertThat(s.events(EventType.ORDER_PREEMPTED)).extracting(DomainEvent::subject).containsExactly("big");
        }

        @Test
        void handsBackAcrossTiersWhenAHigherTierVictimAloneCoversTheNeed() {
            // lease (2) is picked first as the lowest tier, platform (6) next; platform alone covers 5.
            PoolScenario s = PoolScenario.withCapacity(8);
            s.submit("lease", EXTERNAL_LEASE, 2);
            s.submit("platform", MODEL_PLATFORM, 6);

            s.submit("training", INTERNAL_TRAINING, 5);

            assertThat(s.allocated()).containsExactly("lease", "training");
            assertThat(s.backlog()).containsExactly("platform");
        }

        @Test
        void preemptsEveryVictimWhenAllAreNeeded() {
            PoolScenario s = PoolScenario.withCapacity(9);
            s.submit("a", EXTERNAL_LEASE, 3);
            s.submit("b", EXTERNAL_LEASE, 3);
            s.submit("c", MODEL_PLATFORM, 3);

            s.submit("training", INTERNAL_TRAINING, 9);

            assertThat(s.allocated()).containsExactly("training");
            assertThat(s.backlog()).containsExactly("c", "a", "b");
        }

        @Test
        void aMiddleTierPreemptsOnlyTheTierBelowIt() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training", INTERNAL_TRAINING, 5);
            s.submit("lease", EXTERNAL_LEASE, 5);

            s.submit("platform", MODEL_PLATFORM, 5);

            assertThat(s.allocated()).containsExactly("training", "platform");
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void neverPreemptsTheSameTier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("platform-1", MODEL_PLATFORM, 10);

            s.submit("platform-2", MODEL_PLATFORM, 5);

            assertThat(s.allocated()).containsExactly("platform-1");
            assertThat(s.backlog()).containsExactly("platform-2");
        }

        @Test
        void neverPreemptsAHigherTier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("platform", MODEL_PLATFORM, 10);

            s.submit("lease", EXTERNAL_LEASE, 1);

            assertThat(s.allocated()).containsExactly("platform");
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void neverPreemptsWhenLowerTiersCannotCoverTheWholeNeed() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training-1", INTERNAL_TRAINING, 6);
            s.submit("lease", EXTERNAL_LEASE, 4);
            s.events();

            s.submit("training-2", INTERNAL_TRAINING, 8);

            assertThat(s.allocated()).containsExactly("training-1", "lease");
            assertThat(s.backlog()).containsExactly("training-2");
            assertThat(s.order("lease").preemptions()).isZero();
            assertThat(s.events()).extracting(DomainEvent::type)
                    .containsExactly(EventType.ORDER_SUBMITTED, EventType.ORDER_QUEUED);
        }

        @Test
        void doesNotCountGpusHeldForAnotherHigherTierAsCoverable() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(INTERNAL_TRAINING, 4);
            s.submit("lease", EXTERNAL_LEASE, 6);

            s.submit("platform", MODEL_PLATFORM, 7);

            assertThat(s.allocated()).containsExactly("lease");
            assertThat(s.backlog()).containsExactly("platform");
        }

        @Test
        void neverPreemptsWhenPreemptionIsOff() {
            PoolScenario s = PoolScenario.withCapacity(10, BEST_EFFORT_FIFO, false);
            s.submit("lease", EXTERNAL_LEASE, 8);

            s.submit("training", INTERNAL_TRAINING, 6);

            assertThat(s.allocated()).containsExactly("lease");
            assertThat(s.backlog()).containsExactly("training");
            assertThat(s.pool.reachableBy(INTERNAL_TRAINING)).isEqualTo(2);
        }

        @Test
        void preemptsForAWaitingOrderOnceItIsSwitchedOn() {
            PoolScenario s = PoolScenario.withCapacity(10, BEST_EFFORT_FIFO, false);
            s.submit("lease", EXTERNAL_LEASE, 8);
            s.submit("training", INTERNAL_TRAINING, 6);

            s.policy(BEST_EFFORT_FIFO, true);

            assertThat(s.allocated()).containsExactly("training");
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void preemptsUnderStrictFifoForTheOrderAtTheHead() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
            s.submit("lease", EXTERNAL_LEASE, 10);

            s.submit("training", INTERNAL_TRAINING, 3);

            assertThat(s.allocated()).containsExactly("training");
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void requeuesVictimsWithTheirOriginalSubmissionTimeAndCountsThePreemption() {
            PoolScenario s = PoolScenario.withCapacity(10);
            CapacityOrder lease = s.submit("lease", EXTERNAL_LEASE, 10);
            Instant submittedAt = lease.submittedAt();
            long sequence = lease.sequence();

            s.submit("training", INTERNAL_TRAINING, 10);

            CapacityOrder victim = s.order("lease");
            assertThat(victim.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(victim.submittedAt()).isEqualTo(submittedAt);
            assertThat(victim.sequence()).isEqualTo(sequence);
            assertThat(victim.preemptions()).isEqualTo(1);
            assertThat(victim.admittedAt()).isEmpty();
            assertThat(victim.closedAt()).isEmpty();
        }

        @Test
        void aVictimKeepsItsPlaceAheadOfLaterOrdersOfItsTier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("victim", EXTERNAL_LEASE, 5);
            s.submit("lease-2", EXTERNAL_LEASE, 5);
            s.submit("lease-3", EXTERNAL_LEASE, 5);
            s.submit("training", INTERNAL_TRAINING, 10);
            assertThat(s.backlog()).containsExactly("victim", "lease-2", "lease-3");

            s.release("training");

            assertThat(s.allocated()).containsExactly("victim", "lease-2");
            assertThat(s.order("victim").preemptions()).isEqualTo(1);
        }

        @Test
        void countsEveryTimeAnOrderIsPreempted() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease", EXTERNAL_LEASE, 10);
            s.submit("training-1", INTERNAL_TRAINING, 10);
            s.release("training-1");
            assertThat(s.status("lease")).isEqualTo(OrderStatus.ALLOCATED);

            s.submit("platform", MODEL_PLATFORM, 1);

            assertThat(s.order("lease").preemptions()).isEqualTo(2);
        }

        @Test
        void givesTheSurplusOfAVictimToOrdersThatFitIt() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease-big", EXTERNAL_LEASE, 10);
            s.submit("lease-small", EXTERNAL_LEASE, 3);

            s.submit("training", INTERNAL_TRAINING, 6);

            assertThat(s.allocated()).containsExactly("lease-small", "training");
            assertThat(s.backlog()).containsExactly("lease-big");
            assertThat(s.pool.free()).isEqualTo(1);
        }

        @Test
        void recordsThePreemptionsAndWhyTheOrderWasAllocated() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease-1", EXTERNAL_LEASE, 5);
            s.submit("lease-2", EXTERNAL_LEASE, 5);
            s.events();

            s.submit("training", INTERNAL_TRAINING, 10);

            assertThat(s.events()).satisfiesExactly(
                    e -> assertThat(e.type()).isEqualTo(EventType.ORDER_SUBMITTED),
                    e -> assertPreempted(e, "lease-2"),
                    e -> assertPreempted(e, "lease-1"),
                    e -> {
                        assertThat(e.type()).isEqualTo(EventType.ORDER_ALLOCATED);
                        assertThat(e.subject()).isEqualTo("training");
                        assertThat(e.reason()).isEqualTo("preempted 2 lower-tier order(s)");
                    });
        }

        private void assertPreempted(DomainEvent e, String victim) {
            assertThat(e.type()).isEqualTo(EventType.ORDER_PREEMPTED);
            assertThat(e.subject()).isEqualTo(victim);
            assertThat(e.reason()).isEqualTo("preempted by order training (INTERNAL_TRAINING, 10 GPUs)");
            assertThat(e.details()).containsEntry("tier", "EXTERNAL_LEASE").containsEntry("gpus", "5");
        }
    }

    @Nested
    class ByACapacityLoss {

        @Test
        void preemptsTheLowestTierUntilAllocatedFitsTheCapacity() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training", INTERNAL_TRAINING, 4);
            s.submit("platform", MODEL_PLATFORM, 3);
            s.submit("lease", EXTERNAL_LEASE, 3);

            s.changeCapacity(-3);

            assertThat(s.allocated()).containsExactly("training", "platform");
            assertThat(s.backlog()).containsExactly("lease");
            assertThat(s.pool.capacity()).isEqualTo(7);
        }

        @Test
        void preemptsNothingWhenTheLossIsCoveredByFreeGpus() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease", EXTERNAL_LEASE, 6);
            s.events();

            s.changeCapacity(-4);

            assertThat(s.allocated()).containsExactly("lease");
            assertThat(s.events()).extracting(DomainEvent::type).containsExactly(EventType.POOL_CAPACITY_CHANGED);
        }

        @Test
        void preemptsTheHighestTierWhenNothingElseIsLeft() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training-1", INTERNAL_TRAINING, 6);
            s.submit("training-2", INTERNAL_TRAINING, 4);

            s.changeCapacity(-5);

            assertThat(s.allocated()).as("the minimal set: training-1 alone covers the 5 lost")
                    .containsExactly("training-2");
            assertThat(s.backlog()).containsExactly("training-1");
            assertThat(s.order("training-1").preemptions()).isEqualTo(1);
        }

        @Test
        void preemptsAHigherTierThatAloneCoversTheLossAndKeepsALowerTierThatStillFits() {
            // After the first loss: training 4 and platform 3 in 7 GPUs. Losing 4 more leaves 3:
            // platform (picked first, lowest tier) is not enough alone, training is, so platform is
            // handed back. Preempting both and draining would end the same: platform fits 3, training not.
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training", INTERNAL_TRAINING, 4);
            s.submit("platform", MODEL_PLATFORM, 3);
            s.submit("lease", EXTERNAL_LEASE, 3);
            s.changeCapacity(-3);

            s.changeCapacity(-4);

            assertThat(s.pool.capacity()).isEqualTo(3);
            assertThat(s.allocated()).containsExactly("platform");
            assertThat(s.backlog()).containsExactly("training", "lease");
            assertThat(s.order("training").preemptions()).isEqualTo(1);
            assertThat(s.order("platform").preemptions()).isZero();
        }

        @Test
        void neverLetsTheCapacityFallBelowZeroAndTakesEverythingBack() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("training", INTERNAL_TRAINING, 4);
            s.submit("lease", EXTERNAL_LEASE, 6);

            s.changeCapacity(-25);

            assertThat(s.pool.capacity()).isZero();
            assertThat(s.allocated()).isEmpty();
            assertThat(s.backlog()).containsExactly("training", "lease");
        }

        @Test
        void drainsTheBacklogWithWhatIsLeftAfterPreempting() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease-8", EXTERNAL_LEASE, 8);
            s.submit("lease-5", EXTERNAL_LEASE, 5);

            s.changeCapacity(-3);

            assertThat(s.allocated()).containsExactly("lease-5");
            assertThat(s.backlog()).containsExactly("lease-8");
        }

        @Test
        void recordsTheChangeAndThePreemptionsWithTheirReasons() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("lease", EXTERNAL_LEASE, 10);
            s.events();

            s.changeCapacity(-2);

            assertThat(s.events()).satisfiesExactly(
                    e -> {
                        assertThat(e.type()).isEqualTo(EventType.POOL_CAPACITY_CHANGED);
                        assertThat(e.reason()).isEqualTo("servers retired");
                        assertThat(e.details()).containsEntry("from", "10").containsEntry("to", "8");
                    },
                    e -> {
                        assertThat(e.type()).isEqualTo(EventType.ORDER_PREEMPTED);
                        assertThat(e.subject()).isEqualTo("lease");
                        assertThat(e.reason()).isEqualTo("capacity of cn-hangzhou/H20 fell to 8");
                    });
        }

        @Test
        void aChangeOfNothingChangesNothing() {
            PoolScenario s = PoolScenario.withCapacity(10);

            s.pool.changeCapacity(0, s.tick(), "no-op", s.book);

            assertThat(s.events()).isEmpty();
            assertThat(s.pool.capacity()).isEqualTo(10);
        }
    }

    @Nested
    class LargeBooks {

        @Test
        void collectsVictimsAcrossManyPagesOfTheBook() {
            PoolScenario s = PoolScenario.withCapacity(600);
            for (int i = 0; i < 600; i++) {
                s.pool.submit(OrderId.of("lease-" + i), PoolScenario.TENANT, EXTERNAL_LEASE, 1, s.tick(), null, s.book);
            }
            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(600);

            s.submit("training", INTERNAL_TRAINING, 550);

            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(50);
            assertThat(s.allocated()).as("the oldest admissions are kept").contains("lease-0", "lease-49")
                    .doesNotContain("lease-50", "lease-599");
        }

        @Test
        void drainsABacklogLongerThanAPage() {
            PoolScenario s = PoolScenario.withCapacity(0);
            for (int i = 0; i < 700; i++) {
                s.pool.submit(OrderId.of("lease-" + i), PoolScenario.TENANT, EXTERNAL_LEASE, i % 2 == 0 ? 1 : 1_000,
                        s.tick(), null, s.book);
            }

            s.changeCapacity(400);

            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(350);
            assertThat(s.pool.pending(EXTERNAL_LEASE)).isEqualTo(350);
            assertThat(s.backlog()).allSatisfy(id -> assertThat(s.order(id).size()).isEqualTo(1_000));
        }

        @Test
        void drainsALongStrictQueueInOrderAcrossPages() {
            PoolScenario s = PoolScenario.withCapacity(0, STRICT_FIFO, true);
            for (int i = 0; i < 700; i++) {
                s.pool.submit(OrderId.of(String.format("lease-%03d", i)), PoolScenario.TENANT, EXTERNAL_LEASE, 1,
                        s.tick(), null, s.book);
            }

            s.changeCapacity(600);

            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(600);
            assertThat(s.backlog()).hasSize(100).first().isEqualTo("lease-600");
        }
    }
}
