package io.jenkins.plugins.imagestreams.core.triggering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts the subscription states of one job to and from format version {@value #FORMAT_VERSION}:
 *
 * <pre>{@code
 * {"formatVersion": 1, "job": "folder/app",
 *  "subscriptions": [{"stream": "app", "tag": "latest", "lastTriggeredDigest": "sha256:…",
 *                     "lastTriggeredAt": "2026-11-30T10:00:00Z", "confirmed": true, "previousDigest": null}]}
 * }</pre>
 *
 * Written deterministically (sorted by stream and tag) through Jackson's tree model; read strictly: any other
 * version, a wrong type or an invalid value makes the whole document corrupt.
 */
final class SubscriptionCodec {
    static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    byte[] write(final String job, final Map<SubscriptionKey, SubscriptionState> states) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("job", job);
        ArrayNode list = root.putArray("subscriptions");
        states.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<SubscriptionKey, SubscriptionState> e) -> e.getKey().stream())
                        .thenComparing(e -> e.getKey().tag()))
                .forEach(e -> list.add(entry(e.getKey(), e.getValue())));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new SubscriptionStoreException("cannot write the subscriptions of job '" + job + "'", e);
        }
    }

    private ObjectNode entry(final SubscriptionKey key, final SubscriptionState state) {
        ObjectNode node = mapper.createObjectNode();
        node.put("stream", key.stream());
        node.put("tag", key.tag());
        node.put(
                "lastTriggeredDigest",
                state.lastTriggeredDigest().map(Digest::toString).orElse(null));
        node.put(
                "lastTriggeredAt",
                state.lastTriggeredAt().map(Instant::toString).orElse(null));
        node.put("confirmed", state.confirmed());
        node.put("previousDigest", state.previousDigest().map(Digest::toString).orElse(null));
        return node;
    }

    Map<SubscriptionKey, SubscriptionState> read(final byte[] bytes, final String job) throws CorruptException {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new CorruptException(
                    "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new CorruptException("not a JSON object");
        }
        if (!root.path("formatVersion").isInt() || root.get("formatVersion").intValue() != FORMAT_VERSION) {
            throw new CorruptException("formatVersion " + root.path("formatVersion") + " is not supported");
        }
        if (!job.equals(root.path("job").textValue())) {
            throw new CorruptException("holds job " + root.path("job") + ", not '" + job + "'");
        }
        JsonNode list = root.path("subscriptions");
        if (!list.isArray()) {
            throw new CorruptException("subscriptions is not an array");
        }
        Map<SubscriptionKey, SubscriptionState> states = new HashMap<>();
        for (JsonNode node : list) {
            try {
                states.put(key(job, node), state(node));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new CorruptException("invalid subscription " + node + ": " + e.getMessage());
            }
        }
        return states;
    }

    private static SubscriptionKey key(final String job, final JsonNode node) throws CorruptException {
        return new SubscriptionKey(
                job,
                text(node, "stream").orElseThrow(() -> new CorruptException("stream is missing in " + node)),
                text(node, "tag").orElseThrow(() -> new CorruptException("tag is missing in " + node)));
    }

    private static SubscriptionState state(final JsonNode node) throws CorruptException {
        if (!node.path("confirmed").isBoolean()) {
            throw new CorruptException("confirmed is not a boolean in " + node);
        }
        return new SubscriptionState(
                text(node, "lastTriggeredDigest").map(Digest::parse),
                text(node, "lastTriggeredAt").map(Instant::parse),
                node.get("confirmed").booleanValue(),
                text(node, "previousDigest").map(Digest::parse));
    }

    private static Optional<String> text(final JsonNode node, final String key) throws CorruptException {
        JsonNode value = node.path(key);
        if (value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CorruptException(key + " is not a string in " + node);
        }
        return Optional.of(value.textValue());
    }

    /** The stored document cannot be read back. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(final String message) {
            super(message);
        }
    }
}
