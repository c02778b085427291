package io.fleetplan.domain.gpu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random sequences of submissions, releases, cancellations, capacity changes, reservations and
 * policy switches. After every step the scenario checks that nothing is over-allocated, the pool's
 * counters equal what the orders say and the backlog is stable. Seeded, so a failure replays.
 */
class GpuPoolRandomOperationsTest {

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        long[] seeds = {1L, 7L, 42L, 2025L, 0xF1EE7L, 987_654_321L};
        for (long seed : seeds) {
            for (QueueingMode queueing : QueueingMode.values()) {
                runs.add(Arguments.of(seed, queueing, true));
                runs.add(Arguments.of(seed, queueing, false));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}, preemption {2}")
    @MethodSource("runs")
    void randomOperationsNeverOverAllocateAndLeaveAStableBacklog(long seed, QueueingMode queueing, boolean preemption) {
        SplittableRandom random = new SplittableRandom(seed);
        PoolScenario s = PoolScenario.withCapacity(random.nextInt(0, 40), queueing, preemption);
        List<String> live = new ArrayList<>();
        List<String> log = new ArrayList<>();
        int submitted = 0;
        int step = 0;
        try {
            for (step = 0; step < 300; step++) {
                int op = random.nextInt(100);
                if (op < 45 || live.isEmpty()) {
                    String id = "o-" + (++submitted);
                    WorkloadClass tier = WorkloadClass.values()[random.nextInt(WorkloadClass.values().length)];
                    long gpus = 1 + random.nextInt(random.nextInt(10) < 8 ? 8 : 30);
                    log.add(s.describe() + " | submit " + id + " " + tier + " " + gpus);
                    s.submit(id, tier, gpus);
                    live.add(id);
                } else if (op < 60) {
                    String id = live.get(random.nextInt(live.size()));
                    if (s.status(id) == OrderStatus.ALLOCATED) {
                        log.add(s.describe() + " | release " + id);
                        s.release(id);
                        live.remove(id);
                    }
                } else if (op < 70) {
                    String id = live.remove(random.nextInt(live.size()));
                    log.add(s.describe() + " | cancel " + id);
                    s.cancel(id);
                } else if (op < 85) {
                    long delta = random.nextInt(-12, 16);
                    log.add(s.describe() + " | capacity " + delta);
                    s.changeCapacity(delta);
                } else if (op < 95) {
                    WorkloadClass tier = WorkloadClass.values()[random.nextInt(WorkloadClass.values().length)];
                    long others = s.pool.reservedByTier().values().stream().mapToLong(Long::longValue).sum()
                            - s.pool.reserved(tier);
                    long room = s.pool.capacity() - others;
                    if (room >= 0) {
                        long gpus = random.nextLong(0, room + 1);
                        log.add(s.describe() + " | reserve " + tier + " " + gpus);
                        s.reserve(tier, gpus);
                    }
                } else {
                    QueueingMode mode = random.nextBoolean() ? QueueingMode.STRICT_FIFO : QueueingMode.BEST_EFFORT_FIFO;
                    boolean preempt = random.nextBoolean();
                    log.add(s.describe() + " | policy " + mode + " " + preempt);
                    s.policy(mode, preempt);
                }
            }
        } catch (AssertionError | RuntimeException e) {
            fail("seed " + seed + " (" + queueing + ", preemption " + preemption + ") failed at step " + step
                    + "; the last steps:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 3), log.size())), e);
        }
        assertThat(submitted).isPositive();
        assertThat(s.pool.submissions()).isEqualTo(submitted);
    }
}
