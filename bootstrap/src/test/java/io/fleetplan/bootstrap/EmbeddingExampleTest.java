package io.fleetplan.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, taken from README.md as it stands, compiles and runs as it says. */
class EmbeddingExampleTest {

    @Test
    void theReadmeEmbeddingExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- embedding-example:start -->");
        int end = readme.indexOf("<!-- embedding-example:end -->");
        assertThat(start).as("README has the embedding example markers").isPositive();
        String block = readme.substring(start, end);
        String source = block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```"));
        Path file = dir.resolve("EmbeddingExample.java");
        Files.writeString(file, source);

        String classpath = System.getProperty("java.class.path");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = compiler.run(null, null, errors, "-d", dir.toString(), "-cp", classpath, file.toString());
        assertThat(compiled).as("compiler output: %s", errors.toString(StandardCharsets.UTF_8)).isZero();

        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dir + File.pathSeparator + classpath, "EmbeddingExample").redirectErrorStream(false).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as("stderr: %s", err).isZero();
        assertThat(out.lines()).hasSize(2);
        assertThat(out.lines().toList().get(0)).endsWith(" PENDING");
        assertThat(out.lines().toList().get(1)).endsWith(" ALLOCATED");
    }
}
