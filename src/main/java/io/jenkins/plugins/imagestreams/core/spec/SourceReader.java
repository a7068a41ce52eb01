package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a tag's {@code from} as JCasC reads a describable chosen by symbol: a mapping with exactly one key, the
 * symbol (matched ignoring case), or the symbol alone as a scalar. The source is then built with the core's own
 * constructors, as the describables' {@code toModel()} build it.
 */
final class SourceReader {
    private static final String KINDS =
            JcascElement.sources().stream().map(JcascElement::symbol).collect(Collectors.joining(", "));

    private SourceReader() {}

    /**
     * A source and the path of its symbol, e.g. {@code ...tags[0].from.alias}.
     *
     * @param source the source
     * @param path the path of the symbol's mapping
     * @param kind the source's kind
     */
    record Read(TagSource source, String path, JcascElement kind) {}

    static Optional<Read> read(final SpecNode from, final Problems problems) {
        if (from.isAbsent()) {
            problems.add(from.reject("must be set to one of " + KINDS));
            return Optional.empty();
        }
        Optional<SpecNode> symbol = symbolNode(from, problems);
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = symbol.get();
        String key = node.path().substring(from.path().length() + 1);
        Optional<JcascElement> kind = JcascElement.source(key);
        if (kind.isEmpty()) {
            problems.add(new InvalidValueException(node.path(), "must be one of " + KINDS, key));
            return Optional.empty();
        }
        Attributes attributes = Attributes.read(node, kind.get(), problems);
        if (!attributes.readable()) {
            return Optional.empty();
        }
        return build(kind.get(), attributes, problems).map(s -> new Read(s, node.path(), kind.get()));
    }

    private static Optional<SpecNode> symbolNode(final SpecNode from, final Problems problems) {
        try {
            if (!from.isMapping()) {
                String symbol = String.valueOf(from.text());
                return Optional.of(from.child(symbol, null));
            }
            Map<?, ?> entries = from.entries();
            if (entries.size() != 1) {
                problems.add(new InvalidValueException(
                        from.path(),
                        "must hold exactly one of " + KINDS,
                        entries.keySet().toString()));
                return Optional.empty();
            }
            Map.Entry<?, ?> only = entries.entrySet().iterator().next();
            return Optional.of(from.child(String.valueOf(only.getKey()), only.getValue()));
        } catch (InvalidValueException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    private static Optional<TagSource> build(
            final JcascElement kind, final Attributes attributes, final Problems problems) {
        String base = attributes.node().path();
        return switch (kind) {
            case REGISTRY_IMAGE -> {
                String image = attributes.text("image", "").trim();
                yield problems.at(base + ".image", () -> TagSource.RegistryImage.parse(image));
            }
            case STREAM_TAG -> {
                String stream = attributes.text("stream", "").trim();
                String tag = attributes.text("tag", "").trim();
                yield problems.at(e -> fieldPath(base, e), () -> new TagSource.StreamTag(stream, tag));
            }
            case ALIAS -> {
                String tag = attributes.text("tag", "").trim();
                yield problems.at(base + ".tag", () -> new TagSource.Alias(tag));
            }
            default -> streamImage(base, attributes, problems);
        };
    }

    private static Optional<TagSource> streamImage(
            final String base, final Attributes attributes, final Problems problems) {
        String stream = attributes.text("stream", "").trim();
        String digest = attributes.text("digest", "").trim();
        Optional<Digest> parsed = problems.at(base + ".digest", () -> Digest.parse(digest));
        return parsed.flatMap(d -> problems.at(
                base + ".stream",
                () -> new TagSource.StreamImage(stream.isEmpty() ? Optional.empty() : Optional.of(stream), d)));
    }

    /** Maps the core's {@code from.stream} and {@code from.tag} to the attribute's path. */
    private static String fieldPath(final String base, final InvalidValueException e) {
        String field = e.getField();
        return base + "." + (field.startsWith("from.") ? field.substring("from.".length()) : field);
    }
}
