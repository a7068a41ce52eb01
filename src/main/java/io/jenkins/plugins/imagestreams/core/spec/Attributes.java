package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of one element read from a YAML mapping, the way JCasC reads a describable: keys that are no
 * attribute of the element are rejected, scalars are converted as Stapler converts them, and a missing or
 * {@code null} attribute keeps the describable's default.
 */
final class Attributes {
    /** The spellings of a boolean that Stapler's converter reads, lower case. */
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "1");

    private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "0");

    private final SpecNode node;
    private final Problems problems;
    private final Map<String, SpecNode> found = new HashMap<>();
    private final boolean readable;

    private Attributes(final SpecNode node, final Problems problems, final boolean readable) {
        this.node = node;
        this.problems = problems;
        this.readable = readable;
    }

    /**
     * Reads a mapping; each key that is not an attribute of the element is reported as a problem.
     *
     * @param node the mapping
     * @param element what it describes
     * @param problems where rejections go
     * @return the attributes found
     */
    static Attributes read(final SpecNode node, final JcascElement element, final Problems problems) {
        Map<?, ?> entries;
        try {
            entries = node.entries();
        } catch (InvalidValueException e) {
            problems.add(e);
            return new Attributes(node, problems, false);
        }
        Attributes attributes = new Attributes(node, problems, true);
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = String.valueOf(entry.getKey());
            SpecNode child = node.child(key, entry.getValue());
            Optional<String> name = element.attribute(key);
            if (name.isEmpty()) {
                problems.add(new InvalidValueException(
                        child.path(),
                        "must be an attribute of " + element.symbol() + ": " + String.join(", ", element.attributes()),
                        key));
            } else if (attributes.found.containsKey(name.get())) {
                problems.add(new InvalidValueException(child.path(), "must not repeat attribute " + name.get(), key));
            } else {
                attributes.found.put(name.get(), child);
            }
        }
        return attributes;
    }

    /**
     * Whether the node was a mapping (or absent); when not, its problem is reported and its attributes are all
     * absent.
     */
    boolean readable() {
        return readable;
    }

    SpecNode node() {
        return node;
    }

    /**
     * Returns an attribute's node; absent (at the path it would have) when not given.
     *
     * @param name the attribute's name
     * @return the node
     */
    SpecNode get(final String name) {
        SpecNode child = found.get(name);
        return child == null ? node.child(name, null) : child;
    }

    Optional<String> optionalText(final String name) {
        try {
            return Optional.ofNullable(get(name).text());
        } catch (InvalidValueException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    String text(final String name, final String defaultValue) {
        return optionalText(name).orElse(defaultValue);
    }

    int number(final SpecNumber number, final int defaultValue) {
        Optional<String> text = optionalText(number.attribute());
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return number.parse(text.get());
        } catch (InvalidValueException e) {
            problems.add(get(number.attribute()).reject(number.rule()));
            return defaultValue;
        }
    }

    boolean bool(final String name, final boolean defaultValue) {
        Optional<String> text = optionalText(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        String lower = text.get().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (!FALSE.contains(lower)) {
            problems.add(get(name).reject("must be true or false"));
        }
        return false;
    }
}
