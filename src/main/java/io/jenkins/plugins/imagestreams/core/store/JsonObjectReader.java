package io.jenkins.plugins.imagestreams.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Strict, typed access to the fields of one JSON object of a status document. Every failure is a
 * {@link CorruptStatusException} naming the JSON path, e.g. {@code tags[2].items[0].generation: must be an
 * integer}; field values are never quoted. A {@code null} value counts as absent.
 */
final class JsonObjectReader {
    private final JsonNode node;
    private final String path;

    private JsonObjectReader(final JsonNode node, final String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Wraps a node that must be a JSON object with exactly the allowed keys, or fewer.
     *
     * @param node the node
     * @param path its JSON path, for messages; {@code $} for the root
     * @param allowedKeys the keys it may have
     * @return the reader
     * @throws CorruptStatusException if the node is not an object or has another key
     */
    static JsonObjectReader of(final JsonNode node, final String path, final Set<String> allowedKeys)
            throws CorruptStatusException {
        if (node == null || !node.isObject()) {
            throw new CorruptStatusException(path + ": must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                throw new CorruptStatusException(path + ": field '" + StatusCodec.shorten(name)
                        + "' is not part of format version " + StatusCodec.FORMAT_VERSION);
            }
        }
        return new JsonObjectReader(node, path);
    }

    String path() {
        return path;
    }

    String at(final String key) {
        return path + "." + key;
    }

    String text(final String key) throws CorruptStatusException {
        return optionalText(key).orElseThrow(() -> missing(key));
    }

    Optional<String> optionalText(final String key) throws CorruptStatusException {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CorruptStatusException(at(key) + ": must be a string");
        }
        return Optional.of(value.textValue());
    }

    long integer(final String key) throws CorruptStatusException {
        JsonNode value = value(key);
        if (value == null) {
            throw missing(key);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new CorruptStatusException(at(key) + ": must be an integer");
        }
        return value.longValue();
    }

    boolean bool(final String key) throws CorruptStatusException {
        JsonNode value = value(key);
        if (value == null) {
            throw missing(key);
        }
        if (!value.isBoolean()) {
            throw new CorruptStatusException(at(key) + ": must be true or false");
        }
        return value.booleanValue();
    }

    /**
     * Returns an array of objects; a missing array is an error.
     *
     * @return the elements, each with its path, e.g. {@code $.tags[3]}
     */
    List<JsonObjectReader> objects(final String key, final Set<String> allowedKeys) throws CorruptStatusException {
        JsonNode value = value(key);
        if (value == null) {
            throw missing(key);
        }
        if (!value.isArray()) {
            throw new CorruptStatusException(at(key) + ": must be an array");
        }
        List<JsonObjectReader> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(of(value.get(i), at(key) + "[" + i + "]", allowedKeys));
        }
        return elements;
    }

    Optional<JsonObjectReader> optionalObject(final String key, final Set<String> allowedKeys)
            throws CorruptStatusException {
        JsonNode value = value(key);
        return value == null ? Optional.empty() : Optional.of(of(value, at(key), allowedKeys));
    }

    /**
     * Returns an object whose values are all strings; a missing object is empty.
     *
     * @return the entries, sorted by key
     */
    SortedMap<String, String> textMap(final String key) throws CorruptStatusException {
        JsonNode value = value(key);
        SortedMap<String, String> entries = new TreeMap<>();
        if (value == null) {
            return entries;
        }
        if (!value.isObject()) {
            throw new CorruptStatusException(at(key) + ": must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new CorruptStatusException(at(key) + ": every value must be a string");
            }
            entries.put(field.getKey(), field.getValue().textValue());
        }
        return entries;
    }

    private JsonNode value(final String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private CorruptStatusException missing(final String key) {
        return new CorruptStatusException(at(key) + ": is missing");
    }
}
