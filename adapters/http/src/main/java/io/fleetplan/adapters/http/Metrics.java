package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.gpu.PoolView;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by route and status, a latency histogram by route, and the GPU pools' figures,
 * written in the Prometheus text format (version 0.0.4). Routes are labelled by their template
 * ({@code /api/v1/orders/{id}}), and anything unrouted as {@code unmatched}, so labels stay few.
 */
final class Metrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** Counts per bucket, not cumulative (one increment per observation); cumulated when written. */
    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    /**
     * The figures of one method and route: a handler looks its series up once, so that recording a
     * request builds no label and hashes nothing.
     */
    static final class Series {
        private static final int STATUSES = 600;
        private final String labels;
        private final Histogram latency = new Histogram();
        private final AtomicReferenceArray<LongAdder> byStatus = new AtomicReferenceArray<>(STATUSES);

        private Series(String labels) {
            this.labels = labels;
        }

        void record(int status, double seconds) {
            int index = status >= 0 && status < STATUSES ? status : 0;
            LongAdder count = byStatus.get(index);
            if (count == null) {
                byStatus.compareAndSet(index, null, new LongAdder());
                count = byStatus.get(index);
            }
            count.increment();
            latency.observe(seconds);
        }
    }

    /** The series of {@code method} and {@code route} (a route template, or {@code unmatched}). */
    Series series(String method, String route) {
        return series.computeIfAbsent("method=\"" + escape(method) + "\",route=\"" + escape(route) + "\"",
                Series::new);
    }

    void record(String method, String route, int status, double seconds) {
        series(method, route).record(status, seconds);
    }

    String render(List<PoolView> pools) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP fleetplan_http_requests_total HTTP requests served, by route and status.\n");
        out.append("# TYPE fleetplan_http_requests_total counter\n");
        Map<String, Long> requests = new TreeMap<>();
        Map<String, Histogram> latency = new TreeMap<>();
        series.values().forEach(s -> {
            latency.put(s.labels, s.latency);
            for (int status = 0; status < Series.STATUSES; status++) {
                LongAdder n = s.byStatus.get(status);
                if (n != null) {
                    requests.put(s.labels + ",status=\"" + status + "\"", n.sum());
                }
            }
        });
        requests.forEach((labels, n) ->
                out.append("fleetplan_http_requests_total{").append(labels).append("} ").append(n).append('\n'));
        out.append("# HELP fleetplan_http_request_duration_seconds Time to serve HTTP requests, by route.\n");
        out.append("# TYPE fleetplan_http_request_duration_seconds histogram\n");
        latency.forEach((labels, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.append("fleetplan_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
            }
            out.append("fleetplan_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(h.count.sum()).append('\n');
            out.append("fleetplan_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(h.sum.sum()).append('\n');
            out.append("fleetplan_http_request_duration_seconds_count{").append(labels).append("} ")
                    .append(h.count.sum()).append('\n');
        });
        gauge(out, pools, "capacity", "GPUs in service in the pool.", PoolView::capacity);
        gauge(out, pools, "allocated", "GPUs allocated to orders.", PoolView::allocated);
        gauge(out, pools, "free", "GPUs neither allocated nor out of service.", PoolView::free);
        gauge(out, pools, "backlog", "GPUs asked for by pending orders.", PoolView::backlogGpus);
        return out.toString();
    }

    private static void gauge(StringBuilder out, List<PoolView> pools, String name, String help,
                              java.util.function.ToLongFunction<PoolView> figure) {
        String metric = "fleetplan_pool_" + name + "_gpus";
        out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(metric).append(" gauge\n");
        for (PoolView pool : pools) {
            out.append(metric).append("{pool=\"").append(escape(pool.id())).append("\",region=\"")
                    .append(escape(pool.region())).append("\",accelerator_type=\"")
                    .append(escape(pool.acceleratorType())).append("\"} ").append(figure.applyAsLong(pool))
                    .append('\n');
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
