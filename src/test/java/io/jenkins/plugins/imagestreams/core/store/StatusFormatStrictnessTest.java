package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Format 1 is read strictly: each way a field can be wrong makes the file corrupt, with a reason that names the
 * JSON path and the rule. Every case starts from the checked-in golden file and changes one thing.
 */
public class StatusFormatStrictnessTest {
    private static final String STREAM = "python-base";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final RecordingProblems problems = new RecordingProblems();
    private FileStatusStore store;
    private ObjectNode golden;
    private int seen;

    @Before
    public void readGoldenFile() throws IOException {
        store = new FileStatusStore(
                temp.getRoot().toPath(), Clock.fixed(Instant.parse("2024-05-01T10:15:30Z"), ZoneOffset.UTC), problems);
        try (InputStream in = getClass().getResourceAsStream("format-v1/" + STREAM + ".json")) {
            golden = (ObjectNode) JSON.readTree(in);
        }
    }

    private String reasonFor(final Consumer<ObjectNode> change) throws IOException {
        ObjectNode copy = golden.deepCopy();
        change.accept(copy);
        return reasonFor(JSON.writeValueAsString(copy));
    }

    private String reasonFor(final String content) throws IOException {
        Path file = temp.getRoot().toPath().resolve(STREAM + ".json");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        assertThat(store.load(STREAM)).isEmpty();
        assertThat(Files.exists(file)).as("the corrupt file is moved aside").isFalse();
        assertThat(problems.reports()).hasSize(seen + 1);
        RecordingProblems.Report report = problems.reports().get(seen);
        seen++;
        assertThat(report.stream()).isEqualTo(STREAM);
        return report.reason();
    }

    private static ObjectNode tag(final ObjectNode root, final int index) {
        return (ObjectNode) root.withArray("tags").get(index);
    }

    private static ObjectNode item(final ObjectNode root) {
        return (ObjectNode) tag(root, 0).withArray("items").get(0);
    }

    private static ObjectNode condition(final ObjectNode root) {
        return (ObjectNode) tag(root, 0).get("condition");
    }

    @Test
    public void shouldRejectWrongTopLevelShapes() throws IOException {
        assertThat(reasonFor("[1, 2]")).contains("$: must be a JSON object");
        assertThat(reasonFor(r -> r.put("formatVersion", "1"))).contains("$.formatVersion: must be an integer");
        assertThat(reasonFor(r -> r.set("tags", JsonNodeFactory.instance.objectNode())))
                .contains("$.tags: must be an array");
        assertThat(reasonFor(r -> r.withArray("tags").set(0, JsonNodeFactory.instance.textNode("x"))))
                .contains("$.tags[0]: must be a JSON object");
    }

    @Test
    public void shouldRejectWrongFieldTypes() throws IOException {
        assertThat(reasonFor(r -> item(r).put("cause", 5))).contains("$.tags[0].items[0].cause: must be a string");
        assertThat(reasonFor(r -> condition(r).put("status", "no")))
                .contains("$.tags[0].condition.status: must be true or false");
        assertThat(reasonFor(r -> item(r).set("platformDigests", JsonNodeFactory.instance.arrayNode())))
                .contains("$.tags[0].items[0].platformDigests: must be a JSON object");
        assertThat(reasonFor(r -> ((ObjectNode) item(r).get("platformDigests")).put("linux/amd64", 1)))
                .contains("platformDigests: every value must be a string");
    }

    @Test
    public void shouldRejectMissingFields() throws IOException {
        assertThat(reasonFor(r -> item(r).remove("digest"))).contains("$.tags[0].items[0].digest: is missing");
        assertThat(reasonFor(r -> condition(r).remove("status"))).contains("$.tags[0].condition.status: is missing");
        assertThat(reasonFor(r -> tag(r, 0).remove("items"))).contains("$.tags[0].items: is missing");
    }

    @Test
    public void shouldRejectValuesThatBreakModelRules() throws IOException {
        assertThat(reasonFor(r -> tag(r, 1).put("tag", "3.12"))).contains("appears twice in $.tags");
        assertThat(reasonFor(r -> condition(r).put("type", "Ready")))
                .contains("$.tags[0].condition.type: must be ImportSuccess");
        assertThat(reasonFor(r -> condition(r).put("reason", "Sleepy")))
                .contains("$.tags[0].condition.reason: must be one of");
        assertThat(reasonFor(r -> condition(r).put("status", true)))
                .contains("a successful condition has no reason, a failed one has one");
        assertThat(reasonFor(
                        r -> ((ObjectNode) item(r).get("platformDigests")).put("linux", "sha256:" + "a".repeat(64))))
                .contains("platform");
        assertThat(reasonFor(r -> item(r).put("created", "yesterday")))
                .contains("$.tags[0].items[0].created: must be an ISO-8601 UTC instant");
    }
}
