package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileStatusStoreCorruptionTest {
    private static final String KEPT_AS = "app.json.corrupt-20240501T101530.123Z";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RecordingProblems problems = new RecordingProblems();
    private Path dir;
    private FileStatusStore store;
    private String valid;

    @Before
    public void createStore() throws IOException {
        dir = folder.newFolder("statuses").toPath();
        store = new FileStatusStore(
                dir, Clock.fixed(Instant.parse("2024-05-01T10:15:30.123Z"), ZoneOffset.UTC), problems);
        store.save(StatusExamples.rich("app", 3));
        valid = Files.readString(dir.resolve("app.json"), StandardCharsets.UTF_8);
        Files.delete(dir.resolve("app.json"));
    }

    @Test
    public void shouldKeepGarbageAsideAndReportIt() throws IOException {
        byte[] garbage = {0, (byte) 0xff, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\n'};

        assertKeptAside(garbage, "not valid JSON at line 1");
    }

    @Test
    public void shouldKeepTruncatedJsonAside() throws IOException {
        assertKeptAside(valid.substring(0, valid.length() / 2), "not valid JSON");
    }

    @Test
    public void shouldKeepAnEmptyFileAside() throws IOException {
        assertKeptAside("", "the file is empty");
    }

    @Test
    public void shouldKeepABadDigestAside() throws IOException {
        String bad = valid.replace("sha256:" + "3".repeat(64), "sha256:NOT-A-DIGEST");

        String reason = assertKeptAside(bad, "$.tags[1].items[0].digest: invalid checksum digest length");

        assertThat(reason).doesNotContain("NOT-A-DIGEST");
    }

    @Test
    public void shouldKeepAnUnknownFormatVersionAside() throws IOException {
        String newer = valid.replace("\"formatVersion\": 1,", "\"formatVersion\": 99,");

        assertKeptAside(newer, "formatVersion 99 is not supported (this version reads 1)");
    }

    @Test
    public void shouldKeepAFileWithoutFormatVersionAside() throws IOException {
        assertKeptAside(valid.replace("\"formatVersion\": 1,", ""), "$.formatVersion: is missing");
    }

    @Test
    public void shouldKeepABadTagNameAside() throws IOException {
        assertKeptAside(valid.replace("\"tag\": \"stable\"", "\"tag\": \"-stable\""), "$.tags[2].tag: must start");
    }

    @Test
    public void shouldKeepAnUnknownFieldAside() throws IOException {
        String extra = valid.replace("\"revision\": 3,", "\"revision\": 3,\n  \"password\": \"hunter2\",");

        String reason = assertKeptAside(extra, "$: field 'password' is not part of format version 1");

        assertThat(reason).doesNotContain("hunter2");
    }

    @Test
    public void shouldKeepAWrongTypeAside() throws IOException {
        assertKeptAside(valid.replace("\"revision\": 3,", "\"revision\": \"3\","), "$.revision: must be an integer");
    }

    @Test
    public void shouldKeepAFileOfAnotherStreamAside() throws IOException {
        assertKeptAside(valid.replace("\"stream\": \"app\"", "\"stream\": \"other\""), "$.stream: does not match");
    }

    @Test
    public void shouldKeepADuplicateKeyAside() throws IOException {
        assertKeptAside(valid.replace("\"revision\": 3,", "\"revision\": 3,\n  \"revision\": 4,"), "Duplicate field");
    }

    @Test
    public void shouldQuoteAtMostAShortParseError() throws IOException {
        String secretLooking = "{\"formatVersion\": 1, \"stream\": " + "x".repeat(5000);

        String reason = assertKeptAside(secretLooking, "not valid JSON");

        assertThat(reason).hasSizeLessThan(260).doesNotContain("\n");
    }

    @Test
    public void shouldKeepEachCorruptFileUnderItsOwnName() throws IOException {
        Files.writeString(dir.resolve("app.json"), "first");
        store.load("app");
        Files.writeString(dir.resolve("app.json"), "second");

        assertThat(store.load("app")).isEmpty();

        assertThat(dir.resolve(KEPT_AS)).hasContent("first");
        assertThat(dir.resolve(KEPT_AS + "-1")).hasContent("second");
        assertThat(problems.reports()).hasSize(2);
    }

    private String assertKeptAside(final String content, final String reasonPart) throws IOException {
        return assertKeptAside(content.getBytes(StandardCharsets.UTF_8), reasonPart);
    }

    private String assertKeptAside(final byte[] content, final String reasonPart) throws IOException {
        Files.write(dir.resolve("app.json"), content);

        assertThat(store.load("app")).isEmpty();

        assertThat(dir.resolve("app.json")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve(KEPT_AS))).isEqualTo(content);
        assertThat(problems.reports()).hasSize(1);
        RecordingProblems.Report report = problems.reports().get(0);
        assertThat(report.stream()).isEqualTo("app");
        assertThat(report.keptAs()).isEqualTo(dir.resolve(KEPT_AS));
        assertThat(report.reason()).contains(reasonPart);
        assertThat(store.streams()).isEmpty();

        ImageStreamStatus fresh = ImageStreamStatus.empty("app").withRevision(1);
        store.save(fresh);
        assertThat(store.load("app")).contains(fresh);
        assertThat(Files.readAllBytes(dir.resolve(KEPT_AS))).isEqualTo(content);
        assertThat(Arrays.asList(dir.toFile().list())).containsExactlyInAnyOrder("app.json", KEPT_AS);
        return report.reason();
    }
}
