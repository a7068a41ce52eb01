package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.imagestreams.testing.faults.Fault;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code watch} against a real registry, run as {@code --once} cycles on one state directory, each a restart: a moved
 * tag is reported exactly once, with the would-be trigger of its downstream jobs, a copy stays pinned, nothing is
 * repeated, and a stopped registry gives a condition, not a crash.
 */
public class WatchCommandTest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final CliRunner cli = CliRunner.plain();

    private Path file(final String host, final String repository) throws Exception {
        return StreamFiles.on(host).stream("app")
                .registryTag("v1", repository + ":v1", "downstreamJobs: \"deploy, team/smoke\"")
                .alias("latest", "v1")
                .writeTo(temp.newFile().toPath());
    }

    private CliRunner.Result once(final Path file, final Path state, final String... more) {
        List<String> args = new ArrayList<>(List.of("watch", file.toString(), "--state", state.toString(), "--once"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    public void shouldReportAMovedTagAsExactlyOneEventAndNothingTwice() throws Exception {
        String first = registry.pushImage("watch/app", "v1", ManifestFormat.OCI_MANIFEST);
        Path file = StreamFiles.on(registry.hostAndPort()).stream("app")
                .registryTag("v1", "watch/app:v1", "downstreamJobs: \"deploy, team/smoke\"")
                .alias("latest", "v1")
                .stream("release")
                .copy("stable", "app", "v1")
                .writeTo(temp.newFile().toPath());
        Path state = temp.newFolder("state").toPath();

        CliRunner.Result start = once(file, state);
        String moved = registry.moveTag("watch/app", "v1", ManifestFormat.OCI_MANIFEST);
        CliRunner.Result afterMove = once(file, state);
        CliRunner.Result again = once(file, state);

        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(WatchEventsReader.summaries(start.out()))
                .containsExactly(
                        "tagMoved app:v1 null -> " + first,
                        "tagMoved app:latest null -> " + first,
                        "tagMoved release:stable null -> " + first);
        assertThat(WatchEventsReader.summaries(afterMove.out()))
                .containsExactly(
                        "tagMoved app:v1 " + first + " -> " + moved,
                        "tagMoved app:latest " + first + " -> " + moved,
                        "subscriptionWouldFire deploy app:v1 " + first + " -> " + moved,
                        "subscriptionWouldFire team/smoke app:v1 " + first + " -> " + moved);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(Files.readAllLines(state.resolve(EventJournal.FILE))).hasSize(7);
    }

    @Test
    public void shouldPrintEventsWithOldAndNewDigestAsJsonLines() throws Exception {
        String first = registry.pushImage("watch/json", "v1", ManifestFormat.DOCKER_SCHEMA2);
        Path file = file(registry.hostAndPort(), "watch/json");
        Path state = temp.newFolder("state").toPath();
        once(file, state);
        String moved = registry.moveTag("watch/json", "v1", ManifestFormat.DOCKER_SCHEMA2);

        List<JsonNode> events = WatchEventsReader.parse(once(file, state).out());

        JsonNode tagMoved = events.get(0);
        assertThat(tagMoved.get("event").asText()).isEqualTo("tagMoved");
        assertThat(tagMoved.get("oldDigest").asText()).isEqualTo(first);
        assertThat(tagMoved.get("newDigest").asText()).isEqualTo(moved);
        assertThat(tagMoved.get("pullSpec").asText()).isEqualTo(registry.hostAndPort() + "/watch/json@" + moved);
        assertThat(tagMoved.get("cause").asText()).isEqualTo("manual");
        assertThat(tagMoved.get("time").asText()).endsWith("Z");
        JsonNode fire = events.get(2);
        assertThat(fire.get("event").asText()).isEqualTo("subscriptionWouldFire");
        assertThat(fire.get("job").asText()).isEqualTo("deploy");
        assertThat(fire.get("oldDigest").asText()).isEqualTo(first);
        assertThat(fire.get("newDigest").asText()).isEqualTo(moved);
    }

    @Test
    public void shouldGiveAConditionNotACrashWhenTheRegistryStops() throws Exception {
        String digest = registry.pushImage("watch/stop", "v1", ManifestFormat.OCI_MANIFEST);
        FaultProxy proxy = FaultProxy.start(registry);
        Path file = file(proxy.hostAndPort(), "watch/stop");
        Path state = temp.newFolder("state").toPath();
        once(file, state);

        proxy.close();
        CliRunner.Result stopped = once(file, state, "--timeout", "5");
        CliRunner.Result stillStopped = once(file, state, "--timeout", "5");

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(WatchEventsReader.summaries(stopped.out()))
                .containsExactly(
                        "conditionChanged app:v1 false Unavailable", "conditionChanged app:latest false Unavailable");
        assertThat(WatchEventsReader.parse(stopped.out()).get(0).get("digest").asText())
                .as("the last good digest stays current")
                .isEqualTo(digest);
        assertThat(stopped.err()).isEmpty();
        assertThat(stillStopped.exitCode()).isEqualTo(1);
        assertThat(stillStopped.out()).isEmpty();
    }

    @Test
    public void shouldReportTheRecoveryOfAFailingRegistryOnce() throws Exception {
        registry.pushImage("watch/flaky", "v1", ManifestFormat.OCI_MANIFEST);
        try (FaultProxy proxy = FaultProxy.start(registry)) {
            Path file = file(proxy.hostAndPort(), "watch/flaky");
            Path state = temp.newFolder("state").toPath();
            once(file, state);

            proxy.inject(Fault.STATUS_503_JSON);
            CliRunner.Result failing = once(file, state);
            proxy.inject();
            CliRunner.Result recovered = once(file, state);

            assertThat(WatchEventsReader.summaries(failing.out()))
                    .containsExactly(
                            "conditionChanged app:v1 false Unavailable",
                            "conditionChanged app:latest false Unavailable");
            assertThat(recovered.exitCode()).isZero();
            assertThat(WatchEventsReader.summaries(recovered.out()))
                    .containsExactly("conditionChanged app:v1 true null", "conditionChanged app:latest true null");
        }
    }

    @Test
    public void shouldRefuseAnInvalidFileBeforeTouchingTheState() throws Exception {
        Path file = CliRunner.write(
                temp.newFile().toPath(), "unclassified:", "  imageStreams:", "    streams:", "      - name: Bad");
        Path state = temp.getRoot().toPath().resolve("never");

        CliRunner.Result result = once(file, state);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("streams[0].name: must consist of lower case letters");
        assertThat(state).doesNotExist();
    }

    @Test
    public void shouldCallAMissingStateOptionAUsageError() throws Exception {
        CliRunner.Result result =
                cli.run("watch", file(registry.hostAndPort(), "watch/app").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--state=DIR'");
    }
}
