package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the JSON lines {@code watch} printed, and describes each event in one short line for assertions. */
final class WatchEventsReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WatchEventsReader() {}

    static List<JsonNode> parse(final String out) {
        return out.lines().map(WatchEventsReader::parseLine).toList();
    }

    /**
     * Summarises events, e.g. {@code tagMoved app:v1 null -> sha256:…} or {@code subscriptionWouldFire deploy app:v1
     * sha256:… -> sha256:…} or {@code conditionChanged app:v1 false Unavailable}.
     */
    static List<String> summaries(final String out) {
        return parse(out).stream().map(WatchEventsReader::summary).toList();
    }

    private static String summary(final JsonNode event) {
        String type = event.get("event").asText();
        String tag = event.get("stream").asText() + ":" + event.get("tag").asText();
        return switch (type) {
            case "tagMoved" -> type + " " + tag + " " + text(event, "oldDigest") + " -> " + text(event, "newDigest");
            case "subscriptionWouldFire" ->
                type + " " + event.get("job").asText() + " " + tag + " " + text(event, "oldDigest") + " -> "
                        + text(event, "newDigest");
            default -> type + " " + tag + " " + event.get("status").asBoolean() + " " + text(event, "reason");
        };
    }

    private static String text(final JsonNode event, final String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? "null" : value.asText();
    }

    private static JsonNode parseLine(final String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
