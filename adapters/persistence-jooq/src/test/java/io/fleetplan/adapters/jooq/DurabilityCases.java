package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store keeps survives closing it and survives the process being killed: every
 * acknowledged order is there after reopening, and the pools still agree with their orders.
 */
abstract class DurabilityCases {
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 150;

    protected abstract TestDatabase database();

    /** The arguments that tell {@link OrderWriterMain} where the database is. */
    protected abstract List<String> writerArguments(DatabaseStores open);

    @Test
    void aReopenedStoreShowsExactlyWhatWasWritten() {
        TestDatabase database = database();
        List<String> before;
        try (DatabaseStores store = database.open()) {
            ApplicationServices services = TestFleet.services(store.stores());
            List<String> batches = TestFleet.build(services, 1, 100);
            batches.forEach(b -> TestFleet.activate(services, b, 5));
            SplittableRandom random = new SplittableRandom(7);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                OrderView v = services.orders().submit(TestFleet.OPERATOR, new SubmitOrder.Command(TestFleet.REGION,
                        TestFleet.ACCELERATORS.get(i % 2), "tenant-" + (i % 3),
                        WorkloadClass.values()[random.nextInt(3)].name(), 1 + random.nextInt(12), "key-" + i));
                ids.add(v.id());
                if (i % 7 == 3) {
                    try {
                        services.orders().cancel(TestFleet.OPERATOR, new CancelOrder.Command(ids.get(i / 2), "test"));
                    } catch (RuleViolationException e) {
                        // already released or cancelled
                    }
                }
                if (i % 11 == 5 && v.status().equals("ALLOCATED")) {
                    services.orders().release(TestFleet.OPERATOR, new ReleaseOrder.Command(v.id()));
                }
            }
            before = Snapshot.of(store.stores());
            PoolAudit.assertConsistent(store.stores(), ids);
        }
        try (DatabaseStores reopened = database.open()) {
            assertThat(Snapshot.of(reopened.stores())).containsExactlyElementsOf(before);
        }
    }

    @Test
    void everyAcknowledgedOrderSurvivesTheWriterBeingKilled() throws Exception {
        TestDatabase database = database();
        List<String> arguments;
        try (DatabaseStores store = database.open()) {
            ApplicationServices services = TestFleet.services(store.stores());
            TestFleet.build(services, 1, 1000).forEach(b -> TestFleet.activate(services, b, 40));
            arguments = writerArguments(store);
        }

        Path log = Paths.get("target", "order-writer-" + System.nanoTime() + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), OrderWriterMain.class.getName()));
        command.addAll(arguments);
        Process writer = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
                assertThat(System.nanoTime()).as("the writer acknowledges orders in time; see " + log)
                        .isLessThan(deadline);
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(acknowledged).as("acknowledged orders; writer log " + log + ": " + tail(log))
                .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);

        try (DatabaseStores reopened = database.open()) {
            PoolAudit.assertConsistent(reopened.stores(), acknowledged);
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n",
                    lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
