package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileStatusStoreTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RecordingProblems problems = new RecordingProblems();
    private Path dir;
    private FileStatusStore store;

    @Before
    public void createStore() throws IOException {
        dir = folder.newFolder("statuses").toPath();
        store = new FileStatusStore(
                dir, Clock.fixed(Instant.parse("2024-05-01T10:15:30.123Z"), ZoneOffset.UTC), problems);
    }

    @Test
    public void shouldReadBackARichStatusEqualToTheOriginal() {
        ImageStreamStatus status = StatusExamples.rich("python-base", 42);

        store.save(status);

        assertThat(store.load("python-base")).contains(status);
        assertThat(problems.reports()).isEmpty();
    }

    @Test
    public void shouldReadBackAnEmptyStatus() {
        store.save(ImageStreamStatus.empty("app"));

        assertThat(store.load("app")).contains(ImageStreamStatus.empty("app"));
    }

    @Test
    public void shouldReturnEmptyWhenNoFileIsStored() {
        assertThat(store.load("app")).isEmpty();
        assertThat(problems.reports()).isEmpty();
    }

    @Test
    public void shouldReplaceThePreviousStatus() {
        store.save(StatusExamples.rich("app", 1));
        ImageStreamStatus next = ImageStreamStatus.empty("app").withRevision(2);

        store.save(next);

        assertThat(store.load("app")).contains(next);
    }

    @Test
    public void shouldStoreOneFilePerStreamAndNothingElse() throws IOException {
        store.save(StatusExamples.rich("app", 1));
        store.save(StatusExamples.rich("python-base", 1));

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("app.json", "python-base.json");
        }
    }

    @Test
    public void shouldCreateTheDirectoryOnFirstSave() {
        FileStatusStore nested = new FileStatusStore(dir.resolve("a/b"), Clock.systemUTC(), problems);

        nested.save(ImageStreamStatus.empty("app"));

        assertThat(dir.resolve("a/b/app.json")).isRegularFile();
    }

    @Test
    public void shouldListStreamsIgnoringTemporaryCorruptAndForeignFiles() throws IOException {
        store.save(StatusExamples.rich("app", 1));
        store.save(ImageStreamStatus.empty("python-base"));
        Files.writeString(dir.resolve(".status-123.tmp"), "{");
        Files.writeString(dir.resolve("old.json.corrupt-20240501T101530.123Z"), "x");
        Files.writeString(dir.resolve("Not_A_Stream.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.createDirectory(dir.resolve("folder.json"));

        assertThat(store.streams()).containsExactlyInAnyOrder("app", "python-base");
    }

    @Test
    public void shouldListNoStreamsWhenTheDirectoryDoesNotExist() {
        FileStatusStore missing = new FileStatusStore(dir.resolve("missing"), Clock.systemUTC(), problems);

        assertThat(missing.streams()).isEmpty();
        assertThat(missing.load("app")).isEmpty();
    }

    @Test
    public void shouldRefuseStreamNamesThatWouldLeaveTheDirectory() {
        for (String name : new String[] {"../etc", "a/b", "..", "/abs", "a\\b", ""}) {
            assertThatThrownBy(() -> store.load(name))
                    .as(name)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("stream name: ");
        }
        assertThat(folder.getRoot().toPath().resolve("etc.json")).doesNotExist();
    }

    @Test
    public void shouldWriteTheSameBytesForEqualStatuses() throws IOException {
        store.save(StatusExamples.rich("app", 7));
        byte[] first = Files.readAllBytes(dir.resolve("app.json"));

        store.save(store.load("app").orElseThrow());

        assertThat(Files.readAllBytes(dir.resolve("app.json"))).isEqualTo(first);
    }

    @Test
    public void shouldWriteTagsSortedAndStartWithTheFormatVersion() throws IOException {
        store.save(StatusExamples.rich("app", 7));

        String json = Files.readString(dir.resolve("app.json"), StandardCharsets.UTF_8);
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(json)
                .startsWith("{\n  \"formatVersion\": 1,\n  \"stream\": \"app\",\n")
                .endsWith("}\n");
        assertThat(root.get("tags").findValuesAsText("tag")).startsWith("current", "latest", "stable", "v1.0_rc-1");
        assertThat(root.get("tags")
                        .get(1)
                        .get("items")
                        .get(0)
                        .get("platformDigests")
                        .fieldNames())
                .toIterable()
                .containsExactly("linux/amd64", "linux/arm64/v8");
    }

    @Test
    public void shouldWriteExactlyTheDocumentedKeys() throws IOException {
        store.save(StatusExamples.rich("app", 7));

        JsonNode root = new ObjectMapper().readTree(dir.resolve("app.json").toFile());
        Set<String> keys = new TreeSet<>();
        collectKeys(root, "$", keys);

        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "$.formatVersion",
                        "$.stream",
                        "$.revision",
                        "$.tags",
                        "$.archived",
                        "$.*[].tag",
                        "$.*[].items",
                        "$.*[].condition",
                        "$.*[].generation",
                        "$.*[].importRequested",
                        "$.*[].importObserved",
                        "$.*[].lastImportedDigest",
                        "$.*[].observedSpec",
                        "$.*[].aliasOf",
                        "$.*[].items[].created",
                        "$.*[].items[].digest",
                        "$.*[].items[].pullSpec",
                        "$.*[].items[].generation",
                        "$.*[].items[].cause",
                        "$.*[].items[].user",
                        "$.*[].items[].platformDigests",
                        "$.*[].condition.type",
                        "$.*[].condition.status",
                        "$.*[].condition.reason",
                        "$.*[].condition.message",
                        "$.*[].condition.lastTransitionTime",
                        "$.*[].condition.retryAfter");
    }

    /** Collects key paths; "tags" and "archived" share their element shape, platform names are data. */
    private static void collectKeys(final JsonNode node, final String path, final Set<String> keys) {
        if (node.isArray()) {
            node.forEach(element -> collectKeys(element, path + "[]", keys));
            return;
        }
        if (!node.isObject() || path.endsWith(".platformDigests")) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = path + "." + field.getKey();
            keys.add(key);
            boolean tagList = path.equals("$")
                    && (field.getKey().equals("tags") || field.getKey().equals("archived"));
            collectKeys(field.getValue(), tagList ? "$.*" : key, keys);
        }
    }

    @Test
    public void shouldStoreTheLongestStreamNameUnderAHashedFileNameAndListIt() throws IOException {
        String longest = "a".repeat(120) + "." + "b".repeat(132); // 253 characters, the model's limit
        String plain = "p".repeat(FileStatusStore.MAX_PLAIN_NAME_LENGTH);
        ImageStreamStatus status = StatusExamples.rich(longest, 3);

        store.save(status);
        store.save(StatusExamples.rich(plain, 1));

        assertThat(store.load(longest)).contains(status);
        assertThat(store.streams()).containsExactlyInAnyOrder(longest, plain);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(plain + ".json", "a".repeat(100) + "~" + sha256Hex(longest) + ".json")
                    .allSatisfy(name -> assertThat(name.length() + FileStatusStore.LONGEST_SUFFIX)
                            .isLessThanOrEqualTo(255));
        }
    }

    @Test
    public void shouldKeepACorruptHashedFileAsideWithinTheFileNameLimit() throws IOException {
        String longest = "c".repeat(253);
        store.save(StatusExamples.rich(longest, 1));
        Path file = dir.resolve(FileStatusStore.fileName(longest));
        Files.writeString(file, "not json");

        assertThat(store.streams()).isEmpty();
        assertThat(store.load(longest)).isEmpty();
        assertThat(problems.reports())
                .singleElement()
                .satisfies(report -> assertThat(report.keptAs().getFileName().toString())
                        .startsWith(FileStatusStore.fileName(longest) + FileStatusStore.CORRUPT_MARKER)
                        .hasSizeLessThanOrEqualTo(255));
    }

    @Test
    public void shouldNotListAHashedFileThatNamesAnotherStream() throws IOException {
        String longest = "d".repeat(253);
        store.save(StatusExamples.rich(longest, 1));
        Files.move(
                dir.resolve(FileStatusStore.fileName(longest)),
                dir.resolve("d".repeat(100) + "~" + "0".repeat(64) + ".json"));

        assertThat(store.streams()).isEmpty();
    }

    private static String sha256Hex(String text) {
        return io.jenkins.plugins.imagestreams.core.image.Digest.sha256Of(text.getBytes(StandardCharsets.UTF_8))
                .hex();
    }
}
