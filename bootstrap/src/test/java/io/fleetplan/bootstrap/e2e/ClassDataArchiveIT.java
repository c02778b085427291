package io.fleetplan.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive the build writes beside the jar only ever speeds a start up: the server
 * starts and serves with it, with none at the path given, and with one that belongs to another jar
 * (here, the archive of the jar under test given to a copy of that jar elsewhere, as after moving or
 * rebuilding the jar).
 */
class ClassDataArchiveIT {

    private static Path archive() {
        return FleetplanProcess.jar().toAbsolutePath().resolveSibling("fleetplan.jsa");
    }

    private static List<String> servedWith(Path jar, Path archive, Path dir) throws Exception {
        int port = FleetplanProcess.freePort();
        try (FleetplanProcess p = FleetplanProcess.startJar(jar, dir, List.of("-XX:SharedArchiveFile=" + archive),
                Map.of(), "serve", "--store", "memory", "--port", Integer.toString(port))) {
            p.await("Fleetplan listening on http://127.0.0.1:" + port, 180);
            assertThat(p.terminate()).isIn(0, 143);
            return List.copyOf(p.out);
        }
    }

    @Test
    void theBuildWritesAnArchiveThatTheJarStartsWith(@TempDir Path dir) throws Exception {
        assertThat(archive()).isRegularFile();
        assertThat(servedWith(FleetplanProcess.jar(), archive(), dir)).noneMatch(line -> line.contains("[warning]"));
    }

    @Test
    void aMissingArchiveIsIgnored(@TempDir Path dir) throws Exception {
        assertThat(servedWith(FleetplanProcess.jar(), dir.resolve("none.jsa"), dir))
                .noneMatch(line -> line.contains("[warning]"));
    }

    @Test
    void anArchiveOfAnotherJarIsIgnoredWithAWarning(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(FleetplanProcess.jar(), dir.resolve("fleetplan.jar"));
        assertThat(servedWith(copy, archive(), dir)).anyMatch(line -> line.contains("Unable to use shared archive"));
    }
}
