package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code watch} in its own process, as a user runs it: it keeps its state directory to itself, Ctrl-C (SIGINT) stops
 * it cleanly, and a restart on the same directory repeats nothing.
 */
public class WatchStopTest {
    private static final long SIGINT_EXIT = 128 + 2;

    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldStopCleanlyOnCtrlCAndRepeatNothingOnRestart() throws Exception {
        String digest = registry.pushImage("stop/app", "v1", ManifestFormat.OCI_MANIFEST);
        Path file = StreamFiles.on(registry.hostAndPort()).stream("app")
                .registryTag("v1", "stop/app:v1", "downstreamJobs: \"deploy\"")
                .writeTo(temp.newFile().toPath());
        Path state = temp.newFolder("state").toPath();
        Path err = temp.newFile("err.txt").toPath();
        Process watch = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        Main.class.getName(),
                        "watch",
                        file.toString(),
                        "--state",
                        state.toString())
                .redirectError(err.toFile())
                .start();
        BlockingQueue<String> lines = lines(watch);
        try {
            String first = lines.poll(60, TimeUnit.SECONDS);
            assertThat(first)
                    .as(Files.readString(err))
                    .contains("\"event\":\"tagMoved\"")
                    .contains(digest);

            CliRunner.Result second =
                    CliRunner.plain().run("watch", file.toString(), "--state", state.toString(), "--once");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("another watch is using this directory");

            new ProcessBuilder("kill", "-INT", Long.toString(watch.pid()))
                    .start()
                    .waitFor();
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            watch.destroyForcibly();
        }

        assertThat(watch.exitValue()).isEqualTo(SIGINT_EXIT);
        assertThat(Files.readString(err)).isEmpty();
        CliRunner.Result resumed =
                CliRunner.plain().run("watch", file.toString(), "--state", state.toString(), "--once");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).isEmpty();
    }

    private static BlockingQueue<String> lines(final Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
