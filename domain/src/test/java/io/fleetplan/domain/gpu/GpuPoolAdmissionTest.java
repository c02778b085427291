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
import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Admission without preemption: all-or-nothing grants, the backlog's order, reservations, the queueing modes. */
class GpuPoolAdmissionTest {

    @Nested
    class AllOrNothing {

        @Test
        void allocatesAnOrderThatFitsWhole() {
            PoolScenario s = PoolScenario.withCapacity(10);

            CapacityOrder order = s.submit("o-1", EXTERNAL_LEASE, 10);

            assertThat(order.status()).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.status("o-1")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.order("o-1").admittedAt()).contains(s.now());
            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(10);
            assertThat(s.pool.free()).isZero();
        }

        @Test
        void neverGrantsPartOfAnOrder() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("o-1", EXTERNAL_LEASE, 8);

            CapacityOrder order = s.submit("o-2", EXTERNAL_LEASE, 4);

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(s.pool.allocated(EXTERNAL_LEASE)).isEqualTo(8);
            assertThat(s.pool.free()).isEqualTo(2);
            assertThat(s.pool.pendingGpus(EXTERNAL_LEASE)).isEqualTo(4);
            assertThat(s.pool.backlogGpus()).isEqualTo(4);
        }

        @Test
        void queuesEverythingInAPoolWithNoServersYet() {
            PoolScenario s = PoolScenario.withCapacity(0);

            s.submit("o-1", INTERNAL_TRAINING, 1);

            assertThat(s.backlog()).containsExactly("o-1");
            assertThat(s.pool.capacity()).isZero();
        }

        @Test
        void admitsTheBacklogWhenServersComeIntoService() {
            PoolScenario s = PoolScenario.withCapacity(0);
            s.submit("o-1", EXTERNAL_LEASE, 6);
            s.submit("o-2", EXTERNAL_LEASE, 6);

            s.changeCapacity(8);
            assertThat(s.allocated()).containsExactly("o-1");

            s.changeCapacity(4);
            assertThat(s.allocated()).containsExactly("o-1", "o-2");
            assertThat(s.pool.pendingTotal()).isZero();
        }

        @Test
        void refusesOrdersOfNoGpusOrMoreThanTheLimitAndChangesNoFigures() {
            PoolScenario s = PoolScenario.withCapacity(10);

            assertInvalidValue(() -> s.submit("o-1", EXTERNAL_LEASE, 0), "gpus");
            assertInvalidValue(() -> s.submit("o-2", EXTERNAL_LEASE, CapacityOrder.MAX_SIZE + 1), "gpus");
            assertInvalidValue(() -> s.pool.submit(OrderId.of("o-3"), PoolScenario.TENANT, null, 1, s.tick(), null, s.book),
                    "tier");

            assertThat(s.book.all()).isEmpty();
            assertThat(s.pool.allocatedTotal()).isZero();
            assertThat(s.pool.pendingTotal()).isZero();
        }

        @Test
        void acceptsAnOrderOfTheLargestSizeAndQueuesIt() {
            PoolScenario s = PoolScenario.withCapacity(10);

            s.submit("o-1", INTERNAL_TRAINING, CapacityOrder.MAX_SIZE);

            assertThat(s.pool.pendingGpus(INTERNAL_TRAINING)).isEqualTo(CapacityOrder.MAX_SIZE);
        }

        @Test
        void numbersSubmissionsAndAdmissionsInTheOrderTheyHappen() {
            PoolScenario s = PoolScenario.withCapacity(4);
            s.submit("o-1", EXTERNAL_LEASE, 2);
            s.submit("o-2", EXTERNAL_LEASE, 4);
            s.submit("o-3", EXTERNAL_LEASE, 2);

            assertThat(s.order("o-1").sequence()).isEqualTo(1);
            assertThat(s.order("o-2").sequence()).isEqualTo(2);
            assertThat(s.order("o-3").sequence()).isEqualTo(3);
            assertThat(s.order("o-1").admission()).isEqualTo(1);
            assertThat(s.order("o-2").admission()).as("never admitted").isZero();
            assertThat(s.order("o-3").admission()).isEqualTo(2);
            assertThat(s.pool.submissions()).isEqualTo(3);
            assertThat(s.pool.admissions()).isEqualTo(2);
        }
    }

    @Nested
    class BacklogOrder {

        @Test
        void servesTheBacklogTierByTierWhateverTheSubmissionOrder() {
            PoolScenario s = PoolScenario.withCapacity(0);
            s.submit("lease", EXTERNAL_LEASE, 2);
            s.submit("platform", MODEL_PLATFORM, 2);
            s.submit("training", INTERNAL_TRAINING, 2);
            assertThat(s.backlog()).containsExactly("training", "platform", "lease");

            s.changeCapacity(2);
            assertThat(s.allocated()).containsExactly("training");

            s.changeCapacity(2);
            assertThat(s.allocated()).containsExactly("platform", "training");

            s.changeCapacity(2);
            assertThat(s.allocated()).containsExactly("lease", "platform", "training");
        }

        @Test
        void servesATierInSubmittedAtOrderNotInArrivalOrder() {
            PoolScenario s = PoolScenario.withCapacity(0);
            Instant ten = PoolScenario.T0.plusSeconds(600);
            s.submitAt("late-clock", EXTERNAL_LEASE, 5, ten);
            s.submitAt("early-clock", EXTERNAL_LEASE, 5, ten.minusSeconds(300));
            assertThat(s.backlog()).containsExactly("early-clock", "late-clock");

            s.changeCapacity(5);

            assertThat(s.allocated()).containsExactly("early-clock");
        }

        @Test
        void breaksSubmittedAtTiesBySubmissionSequence() {
            PoolScenario s = PoolScenario.withCapacity(0);
            Instant same = PoolScenario.T0.plusSeconds(60);
            s.submitAt("first", MODEL_PLATFORM, 5, same);
            s.submitAt("second", MODEL_PLATFORM, 5, same);

            s.changeCapacity(5);

            assertThat(s.allocated()).containsExactly("first");
            assertThat(s.backlog()).containsExactly("second");
        }
    }

    @Nested
    class Reservations {

        @Test
        void holdsReservedGpusFromLowerTiers() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 6);

            s.submit("lease-5", EXTERNAL_LEASE, 5);
            s.submit("lease-4", EXTERNAL_LEASE, 4);

            assertThat(s.status("lease-5")).isEqualTo(OrderStatus.PENDING);
            assertThat(s.status("lease-4")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.pool.heldFor(EXTERNAL_LEASE)).isEqualTo(6);
            assertThat(s.pool.free()).isEqualTo(6);
        }

        @Test
        void letsTheReservingTierUseItsReservation() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 6);
            s.submit("lease", EXTERNAL_LEASE, 4);

            s.submit("platform", MODEL_PLATFORM, 6);

            assertThat(s.status("platform")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.pool.heldFor(EXTERNAL_LEASE)).isZero();
        }

        @Test
        void letsAHigherTierUseALowerTiersReservation() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 6);

            s.submit("training", INTERNAL_TRAINING, 10);

            assertThat(s.status("training")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.pool.heldFor(INTERNAL_TRAINING)).isZero();
        }

        @Test
        void holdsOnlyTheReservedGpusTheTierDoesNotUseYet() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 6);
            s.submit("platform", MODEL_PLATFORM, 4);

            assertThat(s.pool.heldFor(EXTERNAL_LEASE)).isEqualTo(2);
            s.submit("lease-5", EXTERNAL_LEASE, 5);
            s.submit("lease-4", EXTERNAL_LEASE, 4);

            assertThat(s.status("lease-5")).isEqualTo(OrderStatus.PENDING);
            assertThat(s.status("lease-4")).isEqualTo(OrderStatus.ALLOCATED);
        }

        @Test
        void holdsReservationsOfEveryHigherTier() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(INTERNAL_TRAINING, 3);
            s.reserve(MODEL_PLATFORM, 4);

            assertThat(s.pool.heldFor(INTERNAL_TRAINING)).isZero();
            assertThat(s.pool.heldFor(MODEL_PLATFORM)).isEqualTo(3);
            assertThat(s.pool.heldFor(EXTERNAL_LEASE)).isEqualTo(7);
            s.submit("lease", EXTERNAL_LEASE, 4);
            s.submit("platform", MODEL_PLATFORM, 8);
            assertThat(s.status("lease")).isEqualTo(OrderStatus.PENDING);
            assertThat(s.status("platform")).isEqualTo(OrderStatus.PENDING);
        }

        @Test
        void refusesReservationsAboveCapacityAndKeepsThePreviousOnes() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(INTERNAL_TRAINING, 6);
            s.events();

            assertRuleViolation(() -> s.reserve(MODEL_PLATFORM, 5), "reservation-exceeds-capacity");

            assertThat(s.pool.reserved(MODEL_PLATFORM)).isZero();
            assertThat(s.pool.reserved(INTERNAL_TRAINING)).isEqualTo(6);
            assertThat(s.events()).isEmpty();
        }

        @Test
        void acceptsReservationsThatAddUpToExactlyTheCapacity() {
            PoolScenario s = PoolScenario.withCapacity(10);

            s.reserve(INTERNAL_TRAINING, 6);
            s.reserve(MODEL_PLATFORM, 4);

            assertThat(s.pool.reservedByTier()).containsOnly(entry(INTERNAL_TRAINING, 6L), entry(MODEL_PLATFORM, 4L),
                    entry(EXTERNAL_LEASE, 0L));
        }

        @Test
        void replacesATiersReservationRatherThanAddingToIt() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(INTERNAL_TRAINING, 6);

            s.reserve(INTERNAL_TRAINING, 10);

            assertThat(s.pool.reserved(INTERNAL_TRAINING)).isEqualTo(10);
        }

        @Test
        void refusesANegativeReservation() {
            PoolScenario s = PoolScenario.withCapacity(10);

            assertInvalidValue(() -> s.reserve(MODEL_PLATFORM, -1), "gpus");
        }

        @Test
        void admitsTheBacklogWhenAReservationShrinks() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 8);
            s.submit("lease", EXTERNAL_LEASE, 5);
            assertThat(s.status("lease")).isEqualTo(OrderStatus.PENDING);

            s.reserve(MODEL_PLATFORM, 5);

            assertThat(s.status("lease")).isEqualTo(OrderStatus.ALLOCATED);
        }

        @Test
        void recordsReservationsWithTheirReason() {
            PoolScenario s = PoolScenario.withCapacity(10);

            s.reserve(MODEL_PLATFORM, 4);

            assertThat(s.events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.POOL_RESERVATION_SET);
                assertThat(e.reason()).isEqualTo("held for MODEL_PLATFORM");
                assertThat(e.details()).containsEntry("tier", "MODEL_PLATFORM").containsEntry("gpus", "4");
            });
        }

        @Test
        void holdsOnlyWhatExistsAfterACapacityLossHigherTiersFirst() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(INTERNAL_TRAINING, 6);
            s.reserve(MODEL_PLATFORM, 4);

            s.changeCapacity(-3);

            assertThat(s.pool.effectiveReservation(INTERNAL_TRAINING)).isEqualTo(6);
            assertThat(s.pool.effectiveReservation(MODEL_PLATFORM)).isEqualTo(1);
            assertThat(s.pool.effectiveReservation(EXTERNAL_LEASE)).isZero();
            assertThat(s.pool.reserved(MODEL_PLATFORM)).as("the reservation as set is kept").isEqualTo(4);
            assertThat(s.pool.heldFor(EXTERNAL_LEASE)).isEqualTo(7);
            assertThat(s.pool.heldFor(MODEL_PLATFORM)).isEqualTo(6);

            s.changeCapacity(-5);

            assertThat(s.pool.effectiveReservation(INTERNAL_TRAINING)).isEqualTo(2);
            assertThat(s.pool.effectiveReservation(MODEL_PLATFORM)).isZero();
        }

        @Test
        void honoursReservationsAgainWhenTheCapacityComesBack() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(MODEL_PLATFORM, 4);
            s.changeCapacity(-8);
            assertThat(s.pool.effectiveReservation(MODEL_PLATFORM)).isEqualTo(2);

            s.changeCapacity(8);
            s.submit("lease", EXTERNAL_LEASE, 7);

            assertThat(s.pool.effectiveReservation(MODEL_PLATFORM)).isEqualTo(4);
            assertThat(s.status("lease")).isEqualTo(OrderStatus.PENDING);
        }

        @Test
        void aLowerTiersReservationIsNotHeldFromAHigherTierAfterALoss() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.reserve(EXTERNAL_LEASE, 10);
            s.changeCapacity(-4);

            s.submit("training", INTERNAL_TRAINING, 6);

            assertThat(s.status("training")).isEqualTo(OrderStatus.ALLOCATED);
        }
    }

    @Nested
    class BestEffortFifo {

        @Test
        void isTheDefault() {
            assertThat(GpuPool.create(PoolScenario.POOL).policy())
                    .isEqualTo(new PoolPolicy(BEST_EFFORT_FIFO, true));
        }

        @Test
        void letsALaterSmallOrderGoAheadOfAnEarlierOneThatDoesNotFit() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("running", EXTERNAL_LEASE, 6);
            s.submit("big", EXTERNAL_LEASE, 8);

            s.submit("small", EXTERNAL_LEASE, 3);

            assertThat(s.status("small")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.backlog()).containsExactly("big");
        }

        @Test
        void drainsPastOrdersThatDoNotFitToLaterOnesThatDo() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("running", EXTERNAL_LEASE, 10);
            s.submit("eight", EXTERNAL_LEASE, 8);
            s.submit("three", EXTERNAL_LEASE, 3);
            s.submit("two", EXTERNAL_LEASE, 2);

            s.release("running");

            assertThat(s.allocated()).containsExactly("eight", "two");
            assertThat(s.backlog()).containsExactly("three");
        }

        @Test
        void letsALowerTierOrderThatFitsGoAheadOfAHigherTierThatDoesNot() {
            PoolScenario s = PoolScenario.withCapacity(10, BEST_EFFORT_FIFO, false);
            s.submit("running", MODEL_PLATFORM, 6);
            s.submit("training", INTERNAL_TRAINING, 8);

            s.submit("lease", EXTERNAL_LEASE, 4);

            assertThat(s.status("lease")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.backlog()).containsExactly("training");
        }

        @Test
        void explainsWhyAnOrderWaits() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("running", EXTERNAL_LEASE, 7);
            s.events();

            s.submit("waiting", EXTERNAL_LEASE, 5);

            assertThat(s.events()).extracting(DomainEvent::type)
                    .containsExactly(EventType.ORDER_SUBMITTED, EventType.ORDER_QUEUED);
            s.submit("waiting-2", MODEL_PLATFORM, 11);
            assertThat(s.events(EventType.ORDER_QUEUED)).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo("waiting-2");
                assertThat(e.reason()).isEqualTo("needs 11 GPUs; 3 usable by MODEL_PLATFORM and 7 preemptible");
                assertThat(e.details()).containsEntry("tier", "MODEL_PLATFORM").containsEntry("gpus", "11");
            });
        }
    }

    @Nested
    class StrictFifo {

        @Test
        void neverAdmitsALaterOrderWhileAnEarlierOneOfItsTierWaits() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
            s.submit("running", EXTERNAL_LEASE, 6);
            s.submit("big", EXTERNAL_LEASE, 8);
            s.events();

            s.submit("small", EXTERNAL_LEASE, 3);

            assertThat(s.status("small")).isEqualTo(OrderStatus.PENDING);
            assertThat(s.backlog()).containsExactly("big", "small");
            assertThat(s.events(EventType.ORDER_QUEUED)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("strict FIFO: an order ahead of it waits"));
        }

        @Test
        void neverAdmitsALowerTierOrderWhileAHigherTierOrderWaits() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, false);
            s.submit("running", MODEL_PLATFORM, 6);
            s.submit("training", INTERNAL_TRAINING, 8);

            s.submit("lease", EXTERNAL_LEASE, 1);
            s.submit("platform", MODEL_PLATFORM, 1);

            assertThat(s.backlog()).containsExactly("training", "platform", "lease");
            assertThat(s.pool.free()).isEqualTo(4);
        }

        @Test
        void admitsAHigherTierOrderAheadOfAWaitingLowerTier() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, false);
            s.submit("running", MODEL_PLATFORM, 6);
            s.submit("lease", EXTERNAL_LEASE, 8);

            s.submit("training", INTERNAL_TRAINING, 4);

            assertThat(s.status("training")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.backlog()).containsExactly("lease");
        }

        @Test
        void drainsInOrderAndStopsAtTheFirstOrderThatDoesNotFit() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
            s.submit("running", EXTERNAL_LEASE, 10);
            s.submit("four", EXTERNAL_LEASE, 4);
            s.submit("eight", EXTERNAL_LEASE, 8);
            s.submit("two", EXTERNAL_LEASE, 2);

            s.release("running");

            assertThat(s.allocated()).containsExactly("four");
            assertThat(s.backlog()).containsExactly("eight", "two");
            assertThat(s.pool.free()).as("two GPUs stay idle rather than jump the queue").isEqualTo(6);
        }

        @Test
        void drainingStopsAcrossTiersAtAWaitingHigherTier() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, false);
            s.submit("running", MODEL_PLATFORM, 10);
            s.submit("training", INTERNAL_TRAINING, 12);
            s.submit("lease", EXTERNAL_LEASE, 2);

            s.release("running");

            assertThat(s.allocated()).isEmpty();
            assertThat(s.backlog()).containsExactly("training", "lease");

            s.changeCapacity(4);

            assertThat(s.allocated()).containsExactly("training", "lease");
        }

        @Test
        void letsTheNextInWhenTheHeadOfTheQueueIsCancelled() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
            s.submit("running", EXTERNAL_LEASE, 6);
            s.submit("big", EXTERNAL_LEASE, 8);
            s.submit("small", EXTERNAL_LEASE, 3);

            s.cancel("big");

            assertThat(s.status("small")).isEqualTo(OrderStatus.ALLOCATED);
        }

        @Test
        void switchingToBestEffortLetsFittingOrdersAhead() {
            PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
            s.submit("running", EXTERNAL_LEASE, 6);
            s.submit("big", EXTERNAL_LEASE, 8);
            s.submit("small", EXTERNAL_LEASE, 3);
            s.events();

            s.policy(BEST_EFFORT_FIFO, true);

            assertThat(s.status("small")).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(s.events()).extracting(DomainEvent::type)
                    .containsExactly(EventType.POOL_POLICY_SET, EventType.ORDER_ALLOCATED);
        }

        @Test
        void switchingToStrictKeepsWhatIsAllocated() {
            PoolScenario s = PoolScenario.withCapacity(10);
            s.submit("running", EXTERNAL_LEASE, 6);
            s.submit("big", EXTERNAL_LEASE, 8);
            s.submit("small", EXTERNAL_LEASE, 3);

            s.policy(STRICT_FIFO, true);

            assertThat(s.allocated()).containsExactly("running", "small");
            assertThat(s.pool.policy().queueing()).isEqualTo(STRICT_FIFO);
        }
    }
}
