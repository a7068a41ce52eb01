package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.testing.jcasc.JcascExamples;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.PushedIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The packaged {@code imagestreams-cli-<version>.jar}, run with {@code java -jar} as the README says. */
public class PackagedJarITest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private CliRunner.Result java(final String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("imagestreams.cli.jar")));
        command.addAll(List.of(args));
        Path out = temp.newFile().toPath();
        Path err = temp.newFile().toPath();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliRunner.Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    public void shouldRunFromTheJarWithEveryDependencyInside() throws Exception {
        CliRunner.Result version = java("--version");
        CliRunner.Result check = java(
                "check", CheckCommandTest.PLUGIN.resolve(JcascExamples.SAMPLE).toString());

        assertThat(version.out()).startsWith("imagestreams 1.0");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains(": valid: 2 image stream(s), 3 tag(s)");
    }

    @Test
    public void shouldResolveAgainstARegistryFromTheJar() throws Exception {
        PushedIndex index = registry.pushIndex("jar/app", "1.0", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64");

        CliRunner.Result result =
                java("resolve", "--insecure", "--platforms", registry.imageReference("jar/app", "1.0"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).first().isEqualTo(index.digest());
        assertThat(result.outLines()).hasSize(3);
        assertThat(result.err()).isEmpty();
    }
}
