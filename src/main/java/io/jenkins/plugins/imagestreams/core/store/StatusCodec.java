package io.jenkins.plugins.imagestreams.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts an {@link ImageStreamStatus} to and from format version {@value #FORMAT_VERSION} of the status file,
 * described in {@code docs/developer/status-format.md}. The mapping is explicit, key by key: the model records
 * carry no JSON annotations.
 *
 * <p>Writing is deterministic: keys in a fixed order, tags sorted by name, platform digests sorted by platform,
 * two-space indentation, {@code \n} line ends. Reading is strict: an unknown key, a wrong type, a missing
 * required key, an invalid value or any other format version makes the whole document corrupt.
 */
final class StatusCodec {
    /** The format version this codec writes and the only one it reads. */
    static final int FORMAT_VERSION = 1;

    static final String FORMAT_VERSION_KEY = "formatVersion";
    static final Set<String> STATUS_KEYS = Set.of(FORMAT_VERSION_KEY, "stream", "revision", "tags", "archived");
    static final Set<String> TAG_KEYS = Set.of(
            "tag",
            "items",
            "condition",
            "generation",
            "importRequested",
            "importObserved",
            "lastImportedDigest",
            "observedSpec",
            "aliasOf");
    static final Set<String> EVENT_KEYS =
            Set.of("created", "digest", "pullSpec", "generation", "cause", "user", "platformDigests");
    static final Set<String> CONDITION_KEYS =
            Set.of("type", "status", "reason", "message", "lastTransitionTime", "retryAfter");

    private static final int MAX_QUOTED_LENGTH = 160;

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    /** Creates a codec; it is thread-safe. */
    StatusCodec() {
        mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        writer = mapper.writer(new StablePrettyPrinter());
    }

    /**
     * Writes a status as a UTF-8 JSON document ending with a line feed.
     *
     * @param status the status
     * @return the document's bytes
     * @throws InvalidValueException if a tag is stored under another tag's name, or a platform digest's key is
     *     not a platform; nothing is written then
     */
    byte[] write(final ImageStreamStatus status) {
        ObjectNode root = mapper.createObjectNode();
        root.put(FORMAT_VERSION_KEY, FORMAT_VERSION);
        root.put("stream", status.stream());
        root.put("revision", status.revision());
        ArrayNode tags = root.putArray("tags");
        for (Map.Entry<String, TagHistory> entry : status.tags().entrySet()) {
            if (!entry.getKey().equals(entry.getValue().tag())) {
                throw new InvalidValueException("tags", "each key must be its history's tag", entry.getKey());
            }
            tags.add(writeTag(entry.getValue()));
        }
        ArrayNode archived = root.putArray("archived");
        status.archived().forEach(history -> archived.add(writeTag(history)));
        try {
            return (writer.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private ObjectNode writeTag(final TagHistory history) {
        ObjectNode node = mapper.createObjectNode();
        node.put("tag", history.tag());
        ArrayNode items = node.putArray("items");
        history.items().forEach(event -> items.add(writeEvent(event)));
        history.condition().ifPresent(condition -> node.set("condition", writeCondition(condition)));
        node.put("generation", history.generation());
        node.put("importRequested", history.importRequested());
        node.put("importObserved", history.importObserved());
        history.lastImportedDigest().ifPresent(digest -> node.put("lastImportedDigest", digest.toString()));
        history.observedSpec().ifPresent(spec -> node.put("observedSpec", spec));
        history.aliasOf().ifPresent(alias -> node.put("aliasOf", alias));
        return node;
    }

    private ObjectNode writeEvent(final TagEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("created", event.created().toString());
        node.put("digest", event.digest().toString());
        node.put("pullSpec", event.pullSpec());
        node.put("generation", event.generation());
        node.put("cause", event.cause().wireName());
        node.put("user", event.user());
        if (!event.platformDigests().isEmpty()) {
            ObjectNode platforms = node.putObject("platformDigests");
            new TreeMap<>(event.platformDigests()).forEach((platform, digest) -> {
                StatusDocumentReader.requirePlatform(platform);
                platforms.put(platform, digest.toString());
            });
        }
        return node;
    }

    private ObjectNode writeCondition(final TagCondition condition) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", TagCondition.TYPE);
        node.put("status", condition.status());
        condition.reason().ifPresent(reason -> node.put("reason", reason.name()));
        node.put("message", condition.message());
        node.put("lastTransitionTime", condition.lastTransitionTime().toString());
        condition.retryAfter().ifPresent(at -> node.put("retryAfter", at.toString()));
        return node;
    }

    /**
     * Reads a document written by {@link #write}, by this or an older version of the plugin.
     *
     * @param bytes the document
     * @param expectedStream the stream the file belongs to; the document must name the same stream
     * @return the status
     * @throws CorruptStatusException if the bytes are not such a document; the message names what is wrong
     */
    ImageStreamStatus read(final byte[] bytes, final String expectedStream) throws CorruptStatusException {
        JsonNode root = parse(bytes);
        checkVersion(root);
        try {
            return StatusDocumentReader.readStatus(JsonObjectReader.of(root, "$", STATUS_KEYS), expectedStream);
        } catch (IllegalArgumentException | DateTimeException e) {
            // a safety net: the reader already turns each invalid value into a message naming its path
            throw new CorruptStatusException("$: " + shorten(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Reads only the {@code stream} field of a document, e.g. to list a file whose name does not say it.
     *
     * @param bytes the document
     * @return the stream name as written, or empty when the bytes are not a status document of this format
     */
    Optional<String> streamOf(final byte[] bytes) {
        try {
            JsonNode root = parse(bytes);
            checkVersion(root);
            JsonNode stream = root.get("stream");
            return stream != null && stream.isTextual() ? Optional.of(stream.asText()) : Optional.empty();
        } catch (CorruptStatusException e) {
            return Optional.empty();
        }
    }

    private JsonNode parse(final byte[] bytes) throws CorruptStatusException {
        if (bytes.length == 0) {
            throw new CorruptStatusException("the file is empty");
        }
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new CorruptStatusException("the file holds no JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new CorruptStatusException(
                    "not valid JSON" + where + ": " + shorten(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new CorruptStatusException("not valid JSON: " + shorten(String.valueOf(e.getMessage())));
        }
    }

    private static void checkVersion(final JsonNode root) throws CorruptStatusException {
        if (!root.isObject()) {
            throw new CorruptStatusException("$: must be a JSON object");
        }
        JsonNode version = root.get(FORMAT_VERSION_KEY);
        if (version == null || version.isNull()) {
            throw new CorruptStatusException("$.formatVersion: is missing");
        }
        if (!version.isIntegralNumber()) {
            throw new CorruptStatusException("$.formatVersion: must be an integer");
        }
        if (!version.canConvertToInt() || version.intValue() != FORMAT_VERSION) {
            String found = shorten(version.asText());
            String hint = version.canConvertToInt() && version.intValue() > FORMAT_VERSION
                    ? "; it was written by a newer version of the plugin"
                    : "";
            throw new CorruptStatusException(
                    "formatVersion " + found + " is not supported (this version reads " + FORMAT_VERSION + ")" + hint);
        }
    }

    /**
     * Makes a text fit in a one-line problem report.
     *
     * @param text any text
     * @return the text on one line, at most about 160 characters
     */
    static String shorten(final String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_QUOTED_LENGTH ? oneLine : oneLine.substring(0, MAX_QUOTED_LENGTH) + "…";
    }

    /** Two-space indentation, {@code \n} line ends, {@code "key": value} and {@code []}, on every platform. */
    private static final class StablePrettyPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        StablePrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        private StablePrettyPrinter(final StablePrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new StablePrettyPrinter(this);
        }

        @Override
        public void writeEndArray(final JsonGenerator generator, final int valueCount) throws IOException {
            if (valueCount == 0) {
                _nesting--;
                generator.writeRaw(']');
            } else {
                super.writeEndArray(generator, valueCount);
            }
        }

        @Override
        public void writeObjectFieldValueSeparator(final JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }
    }
}
