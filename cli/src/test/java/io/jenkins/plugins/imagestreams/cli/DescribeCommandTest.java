package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import io.jenkins.plugins.imagestreams.testing.registry.PushedIndex;
import java.nio.file.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code describe} against a real registry: every tag resolved as the plugin imports it, as text and as JSON. */
public class DescribeCommandTest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    private static String app;
    private static PushedIndex multi;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final CliRunner cli = CliRunner.plain();

    @BeforeClass
    public static void pushImages() throws Exception {
        app = registry.pushImage("describe/app", "1.0", ManifestFormat.OCI_MANIFEST);
        multi = registry.pushIndex("describe/multi", "1.0", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64");
    }

    private Path file() throws Exception {
        return StreamFiles.on(registry.hostAndPort()).stream("app")
                .registryTag("1.0", "describe/app:1.0")
                .alias("latest", "1.0")
                .registryTag("multi", "describe/multi:1.0", "platforms: \"linux/arm64\"")
                .stream("release")
                .copy("stable", "app", "latest")
                .writeTo(temp.newFile("streams.yaml").toPath());
    }

    @Test
    public void shouldDescribeEveryTagLikeOcDescribeIs() throws Exception {
        CliRunner.Result result = cli.run("describe", file().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String host = registry.hostAndPort();
        assertThat(result.out())
                .contains(String.join(
                        "\n",
                        "Name:          app",
                        "Import every:  15m",
                        "Tags:          3",
                        "",
                        "1.0",
                        "  from:        registryImage " + host + "/describe/app:1.0",
                        "  digest:      sha256:" + Digest.parse(app).shortForm(),
                        "  pull spec:   " + host + "/describe/app@" + app,
                        "  condition:   ImportSuccess=True",
                        "",
                        "latest -> 1.0",
                        "  from:        alias 1.0",
                        "  digest:      sha256:" + Digest.parse(app).shortForm()))
                .contains(String.join(
                        "\n",
                        "multi",
                        "  from:        registryImage " + host + "/describe/multi:1.0",
                        "  digest:      sha256:" + Digest.parse(multi.digest()).shortForm(),
                        "  pull spec:   " + host + "/describe/multi@" + multi.digest(),
                        "  platforms:   linux/amd64 sha256:"
                                + Digest.parse(multi.childDigest("linux/amd64")).shortForm()
                                + ", linux/arm64 sha256:"
                                + Digest.parse(multi.childDigest("linux/arm64")).shortForm()))
                .contains(String.join(
                        "\n",
                        "stable",
                        "  from:        streamTag app:latest",
                        "  digest:      sha256:" + Digest.parse(app).shortForm(),
                        "  pull spec:   " + host + "/describe/app@" + app));
        assertThat(result.err()).isEmpty();
    }

    @Test
    public void shouldPrintTheSameAsJsonForScripts() throws Exception {
        CliRunner.Result result = cli.run("describe", file().toString(), "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode streams = new ObjectMapper().readTree(result.out()).get("streams");
        JsonNode latest = streams.get(0).get("tags").get(1);
        assertThat(latest.get("name").asText()).isEqualTo("latest");
        assertThat(latest.get("aliasOf").asText()).isEqualTo("1.0");
        assertThat(latest.get("digest").asText()).isEqualTo(app);
        assertThat(latest.get("condition").get("status").asText()).isEqualTo("True");
        JsonNode multiTag = streams.get(0).get("tags").get(2);
        assertThat(multiTag.get("from").get("kind").asText()).isEqualTo("DockerImage");
        assertThat(multiTag.get("platforms").get("linux/arm64").asText()).isEqualTo(multi.childDigest("linux/arm64"));
        JsonNode stable = streams.get(1).get("tags").get(0);
        assertThat(stable.get("from").get("streamTag").asText()).isEqualTo("app:latest");
        assertThat(stable.get("pullSpec").asText()).isEqualTo(registry.hostAndPort() + "/describe/app@" + app);
    }

    @Test
    public void shouldDescribeOneStreamAndResolveWhatItCopies() throws Exception {
        CliRunner.Result result = cli.run("describe", file().toString(), "release");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Name:          release\n").doesNotContain("Name:          app");
        assertThat(result.out())
                .contains("  digest:      sha256:" + Digest.parse(app).shortForm());
    }

    @Test
    public void shouldCallAnUnknownStreamAUsageError() throws Exception {
        Path file = file();

        CliRunner.Result result = cli.run("describe", file.toString(), "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo(file + ": defines no image stream named 'nope'\n");
    }

    @Test
    public void shouldExitOneWithTheConditionWhenATagIsMissing() throws Exception {
        Path file = StreamFiles.on(registry.hostAndPort()).stream("gone")
                .registryTag("1.0", "describe/gone:1.0")
                .writeTo(temp.newFile("gone.yaml").toPath());

        CliRunner.Result result = cli.run("describe", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("  digest:      <none>")
                .contains("  condition:   ImportSuccess=False NotFound: ");
    }

    @Test
    public void shouldGiveAConditionNotACrashWhenTheRegistryIsStopped() throws Exception {
        FaultProxy proxy = FaultProxy.start(registry);
        String stopped = proxy.hostAndPort();
        proxy.close();
        Path file = StreamFiles.on(stopped).stream("app")
                .registryTag("1.0", "describe/app:1.0")
                .alias("latest", "1.0")
                .writeTo(temp.newFile("stopped.yaml").toPath());

        CliRunner.Result result = cli.run("describe", file.toString(), "--timeout", "5");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("1.0\n  from:        registryImage " + stopped + "/describe/app:1.0\n  digest:      <none>")
                .contains("  condition:   ImportSuccess=False Unavailable: ");
        assertThat(result.err()).isEmpty();
    }

    @Test
    public void shouldDrawProgressOnATerminalOnlyWhenManyTagsAreResolved() throws Exception {
        StreamFiles many = StreamFiles.on(registry.hostAndPort()).stream("many");
        for (int i = 0; i < Progress.MANY; i++) {
            many.registryTag("t" + i, "describe/app:1.0");
        }
        Path file = many.writeTo(temp.newFile("many.yaml").toPath());

        CliRunner.Result terminal = cli.onTerminal().run("describe", file.toString());
        CliRunner.Result piped = cli.run("describe", file.toString());

        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.err()).contains("\rresolving tags: " + Progress.MANY + "/" + Progress.MANY);
        assertThat(terminal.out()).isEqualTo(piped.out()).doesNotContain("resolving");
        assertThat(piped.err()).isEmpty();
        assertThat(cli.onTerminal().run("describe", file().toString()).err()).isEmpty();
    }
}
