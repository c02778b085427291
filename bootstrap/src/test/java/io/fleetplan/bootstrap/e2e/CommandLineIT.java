package io.fleetplan.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** User mistakes on the real jar: one readable line, a non-zero exit, never a stack trace. */
class CommandLineIT {

    private static FleetplanProcess finished(Map<String, String> env, String... args) throws Exception {
        FleetplanProcess p = FleetplanProcess.start(env, args);
        assertThat(p.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        return p;
    }

    @Test
    void anUnknownCommandABadFlagAndABadSettingEachSayWhatIsWrongInOneLine(@TempDir Path dir) throws Exception {
        try (FleetplanProcess p = finished(Map.of(), "launch")) {
            assertThat(p.process.exitValue()).isEqualTo(2);
            assertThat(p.out).hasSize(1).allMatch(l -> l.startsWith("fleetplan: "));
        }
        try (FleetplanProcess p = finished(Map.of(), "serve", "--prot", "80")) {
            assertThat(p.process.exitValue()).isEqualTo(2);
            assertThat(p.out).hasSize(1);
        }
        try (FleetplanProcess p = finished(Map.of("FLEETPLAN_STORE", "oracle"), "migrate")) {
            assertThat(p.process.exitValue()).isEqualTo(2);
            assertThat(p.out).hasSize(1).allMatch(l -> l.contains("FLEETPLAN_STORE") && l.contains("memory, h2 or postgres"));
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitCodeOne() throws Exception {
        int port = FleetplanProcess.freePort();
        try (FleetplanProcess p = finished(Map.of(), "migrate", "--store", "postgres", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + port + "/fleetplan", "--db-user", "nobody")) {
            assertThat(p.process.exitValue()).isEqualTo(1);
            assertThat(p.out).as("%s", p.out).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception:"));
            assertThat(p.out).anyMatch(l -> l.startsWith("fleetplan: cannot migrate the store"));
        }
    }

    @Test
    void migratesAnH2StoreAndManagesTokens(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        try (FleetplanProcess p = finished(Map.of(), "migrate", "--data-dir", data)) {
            assertThat(p.process.exitValue()).as("%s", p.out).isZero();
            assertThat(p.out).anyMatch(l -> l.startsWith("migrations applied"));
        }
        try (FleetplanProcess p = finished(Map.of("FLEETPLAN_DATA_DIR", data), "token", "create", "planner-1",
                "--role", "planner")) {
            assertThat(p.process.exitValue()).as("%s", p.out).isZero();
            assertThat(p.out).anyMatch(l -> l.startsWith("token planner-1 (planner): fp_"));
        }
        try (FleetplanProcess p = finished(Map.of(), "token", "list", "--data-dir", data)) {
            assertThat(p.out).anyMatch(l -> l.startsWith("planner-1"));
        }
    }
}
