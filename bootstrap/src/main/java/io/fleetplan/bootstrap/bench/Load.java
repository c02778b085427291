package io.fleetplan.bootstrap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Closed-loop load: N threads each call their operation back to back, first for a warm-up that is
 * not counted, then for the measured window. An operation counts when it started inside the window;
 * its latency is its own wall-clock time. A failed operation is counted as an error, not as done.
 * The window is stretched, up to a minute, until at least {@code minOperations} have completed, so a
 * short run on a slow machine still measures something.
 */
final class Load {
    /** One call of the operation under test; thrown exceptions count as errors. */
    interface Operation {
        void call() throws Exception;
    }

    /** What a run measured. */
    record Result(long operations, long errors, long windowNanos, long[] latencies, long cpuNanos, String firstError) {
        /** CPU time the calling threads spent per successful operation (the work done in this JVM's client threads). */
        long cpuPerOperation() {
            return operations == 0 ? 0 : cpuNanos / operations;
        }

        double perSecond() {
            return operations / (windowNanos / 1e9);
        }

        /** Nearest-rank percentile of the successful operations' latencies, in nanoseconds (0 when there were none). */
        long percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))];
        }
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final long MAX_WINDOW_NANOS = 60_000_000_000L;

    private Load() {
    }

    static Result run(int threads, long warmupMillis, long measureMillis, int minOperations,
                      IntFunction<Operation> operationOfThread)
            throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[threads];
        long[] cpu = new long[threads];
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        AtomicLong finished = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        Phase current = new Phase();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Operation operation = operationOfThread.apply(t);
            latencies[t] = new long[1 << 14];
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (true) {
                    int at = current.value;
                    if (at == STOP) {
                        break;
                    }
                    long cpuStart = at == MEASURE ? threadBean.getCurrentThreadCpuTime() : 0;
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        operation.call();
                        ok = true;
                    } catch (Exception | Error e) {
                        ok = false;
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long took = System.nanoTime() - start;
                    if (at == MEASURE) {
                        cpu[index] += threadBean.getCurrentThreadCpuTime() - cpuStart;
                        finished.incrementAndGet();
                        if (ok) {
                            if (counts[index] == latencies[index].length) {
                                latencies[index] = Arrays.copyOf(latencies[index], latencies[index].length * 2);
                            }
                            latencies[index][counts[index]++] = took;
                        } else {
                            errors[index]++;
                        }
                    }
                }
            }, "bench-load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        go.countDown();
        Thread.sleep(warmupMillis);
        long begin = System.nanoTime();
        current.value = MEASURE;
        Thread.sleep(measureMillis);
        while (finished.get() < minOperations && System.nanoTime() - begin < MAX_WINDOW_NANOS) {
            Thread.sleep(5);
        }
        current.value = STOP;
        long end = System.nanoTime();
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        int total = 0;
        long failed = 0;
        long cpuTotal = 0;
        for (int t = 0; t < threads; t++) {
            total += counts[t];
            failed += errors[t];
            cpuTotal += cpu[t];
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, failed, end - begin, all, cpuTotal, firstError.get());
    }

    private static final class Phase {
        volatile int value = WARMUP;
    }
}
