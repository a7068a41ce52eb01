package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The backward-compatibility golden file: {@code format-v1/python-base.json} was written by hand after
 * {@code docs/developer/status-format.md}. Every later version of the plugin must read it to these values.
 */
public class StatusFormatV1Test {
    private static final String PY = "docker.io/library/python@";
    private static final Digest D0123 =
            Digest.parse("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    private static final Digest DFEDC =
            Digest.parse("sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RecordingProblems problems = new RecordingProblems();
    private Path dir;
    private byte[] golden;

    @Before
    public void copyGoldenFile() throws IOException {
        try (InputStream in = StatusFormatV1Test.class.getResourceAsStream("format-v1/python-base.json")) {
            assertThat(in).isNotNull();
            golden = in.readAllBytes();
        }
        dir = folder.newFolder("statuses").toPath();
        Files.write(dir.resolve("python-base.json"), golden);
    }

    @Test
    public void shouldReadTheGoldenFileOfFormatVersion1() {
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems);

        assertThat(store.streams()).containsExactly("python-base");
        assertThat(store.load("python-base")).contains(expected());
        assertThat(problems.reports()).isEmpty();
        assertThat(dir.resolve("python-base.json")).hasBinaryContent(golden);
    }

    @Test
    public void shouldReadTheGoldenValuesBackAfterRewritingThem() {
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems);

        store.save(store.load("python-base").orElseThrow());

        assertThat(new FileStatusStore(dir, Clock.systemUTC(), problems).load("python-base"))
                .contains(expected());
    }

    private static ImageStreamStatus expected() {
        TreeMap<String, TagHistory> tags = new TreeMap<>();
        tags.put("3.12", python312());
        tags.put(
                "latest",
                new TagHistory(
                        "latest",
                        List.of(),
                        Optional.empty(),
                        1,
                        0,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("stable")));
        tags.put("stable", stable());
        return new ImageStreamStatus("python-base", 12, tags, List.of(archived311()));
    }

    private static TagHistory python312() {
        TagEvent polled = new TagEvent(
                at("2024-05-02T08:30:00Z"),
                D0123,
                PY + D0123,
                2,
                TagEventCause.POLL,
                "SYSTEM",
                Map.of("linux/amd64", repeat('a'), "linux/arm64/v8", repeat('b')));
        TagEvent hinted = new TagEvent(
                at("2024-05-01T08:30:00.500Z"), DFEDC, PY + DFEDC, 1, TagEventCause.WEBHOOK, "SYSTEM", Map.of());
        TagCondition rateLimited = TagCondition.failure(
                ConditionReason.RateLimited,
                "docker.io answered 429 for library/python:3.12",
                at("2024-05-02T09:00:00Z"),
                Optional.of(at("2024-05-02T09:06:00Z")));
        return new TagHistory(
                "3.12",
                List.of(polled, hinted),
                Optional.of(rateLimited),
                2,
                3,
                2,
                Optional.of(D0123),
                Optional.of("docker.io/library/python:3.12"),
                Optional.empty());
    }

    private static TagHistory stable() {
        Digest c = repeat('c');
        Digest d = repeat('d');
        List<TagEvent> items = List.of(
                new TagEvent(
                        at("2024-05-03T12:00:00Z"), DFEDC, PY + DFEDC, 4, TagEventCause.ROLLBACK, "alice", Map.of()),
                new TagEvent(at("2024-05-02T10:00:00Z"), D0123, PY + D0123, 3, TagEventCause.TAG, "alice", Map.of()),
                new TagEvent(
                        at("2024-05-01T10:00:00Z"),
                        c,
                        "registry.example.com/team/python@" + c,
                        2,
                        TagEventCause.RECORD_PUSH,
                        "ci-bot",
                        Map.of()),
                new TagEvent(at("2024-04-30T10:00:00Z"), d, PY + d, 1, TagEventCause.MANUAL, "bob", Map.of()));
        return new TagHistory(
                "stable",
                items,
                Optional.of(TagCondition.success(at("2024-04-30T10:00:00Z"))),
                4,
                1,
                1,
                Optional.empty(),
                Optional.of("python-base:3.12"),
                Optional.empty());
    }

    private static TagHistory archived311() {
        Digest e = repeat('e');
        return new TagHistory(
                "3.11",
                List.of(new TagEvent(at("2024-04-01T00:00:00Z"), e, PY + e, 1, TagEventCause.POLL, "SYSTEM", Map.of())),
                Optional.of(TagCondition.failure(
                        ConditionReason.NotFound,
                        "docker.io answered 404 for library/python:3.11",
                        at("2024-04-20T00:00:00Z"),
                        Optional.empty())),
                1,
                2,
                2,
                Optional.of(e),
                Optional.of("docker.io/library/python:3.11"),
                Optional.empty());
    }

    private static Instant at(final String text) {
        return Instant.parse(text);
    }

    private static Digest repeat(final char hex) {
        return Digest.parse("sha256:" + String.valueOf(hex).repeat(64));
    }
}
