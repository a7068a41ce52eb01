package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The command line's JSON: Jackson trees with a fixed field order, printed pretty or as one line. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return LINE.createObjectNode();
    }

    static String pretty(final Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(final Object tree) {
        try {
            return LINE.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode platforms(final Map<String, Digest> platforms) {
        ObjectNode node = object();
        platforms.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> node.put(e.getKey(), e.getValue().toString()));
        return node;
    }

    static void putDigest(final ObjectNode node, final String field, final Optional<Digest> digest) {
        if (digest.isPresent()) {
            node.put(field, digest.get().toString());
        } else {
            node.putNull(field);
        }
    }
}
