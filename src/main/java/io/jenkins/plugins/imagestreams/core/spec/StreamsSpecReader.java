package io.jenkins.plugins.imagestreams.core.spec;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code unclassified: imageStreams:} section of a JCasC document, as SnakeYAML loads it (maps, lists,
 * scalars), with the schema, defaults and validators of the plugin's global configuration:
 *
 * <ul>
 *   <li>attributes are those of the describables ({@link JcascElement}); any other key is rejected, as JCasC rejects
 *       it by default;
 *   <li>scalars are read as JCasC reads them: numbers and booleans from text, booleans also as {@code yes/no},
 *       {@code on/off}, {@code y/n}, {@code 1/0}; where JCasC would silently read an unreadable number as 0 or an
 *       unreadable boolean as false, this reader rejects the value;
 *   <li>every value is validated with the core's rules ({@code Names}, {@code ImageReference}, {@code Digest},
 *       {@code Platform}, {@code ImportMode}, {@code ImportPolicy}, {@code HistoryRetention}, {@code ImageStream},
 *       {@link RegistryAllowlist}), and a stream name may appear once.
 * </ul>
 *
 * Every rejection names the YAML path, e.g.
 * {@code unclassified.imageStreams.streams[1].tags[0].from.registryImage.image: invalid reference format (got 'x')}.
 * Thread-safe: it holds no state.
 */
public final class StreamsSpecReader {
    /** The root key of the JCasC section. */
    public static final String ROOT = "unclassified";

    private StreamsSpecReader() {}

    /**
     * Reads a whole JCasC document.
     *
     * @param document the loaded YAML: a map of root elements, or null for an empty file
     * @return the spec, or empty when the document has no {@code unclassified: imageStreams:} section
     * @throws InvalidSpecException if the section (or the document's shape around it) breaks a rule
     */
    public static Optional<StreamsSpec> readDocument(@CheckForNull final Object document) {
        Problems problems = new Problems();
        try {
            SpecNode root = SpecNode.of("(document)", document);
            Object unclassified = root.entries().get(ROOT);
            SpecNode category = SpecNode.of(ROOT, unclassified);
            for (Map.Entry<?, ?> entry : category.entries().entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.equalsIgnoreCase(JcascElement.IMAGE_STREAMS.symbol())) {
                    return Optional.of(read(category.child(key, entry.getValue()), problems));
                }
            }
            return Optional.empty();
        } catch (InvalidValueException e) {
            problems.add(e);
            throw new InvalidSpecException(problems.all());
        }
    }

    /**
     * Reads the section itself.
     *
     * @param section the value of {@code unclassified.imageStreams}; null for an empty section
     * @return the spec
     * @throws InvalidSpecException if the section breaks a rule
     */
    public static StreamsSpec readSection(@CheckForNull final Object section) {
        return read(SpecNode.of(ROOT + "." + JcascElement.IMAGE_STREAMS.symbol(), section), new Problems());
    }

    private static StreamsSpec read(final SpecNode section, final Problems problems) {
        Attributes attributes = Attributes.read(section, JcascElement.IMAGE_STREAMS, problems);
        String entries = attributes.text("allowedRegistries", "").trim();
        RegistryAllowlist allowlist = problems.at(
                        attributes.get("allowedRegistries").path(),
                        () -> RegistryAllowlist.of(List.of(entries.split("[,\\s]+"))))
                .orElse(RegistryAllowlist.allowAll());
        RegistryHosts registries = registries(attributes.get("registries"), allowlist, problems);
        List<StreamsSpec.Stream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (SpecNode node : attributes.get("streams").elements()) {
                StreamReader.read(node, allowlist, problems).ifPresent(s -> {
                    if (names.add(s.spec().name())) {
                        streams.add(s);
                    } else {
                        problems.add(new InvalidValueException(
                                node.path() + ".name",
                                "must not define a stream twice",
                                s.spec().name()));
                    }
                });
            }
        } catch (InvalidValueException e) {
            problems.add(e);
        }
        if (problems.count() > 0) {
            throw new InvalidSpecException(problems.all());
        }
        List<ImageStream> specs = streams.stream().map(StreamsSpec.Stream::spec).toList();
        List<StreamsSpec.AccessLists> access =
                streams.stream().map(StreamsSpec.Stream::access).toList();
        List<Subscription> subscriptions =
                streams.stream().flatMap(s -> s.subscriptions().stream()).toList();
        return new StreamsSpec(specs, allowlist, access, subscriptions, registries);
    }

    /** Reads {@code registries}, with the plugin's rules: valid settings, and insecure ones on the allowlist. */
    private static RegistryHosts registries(
            final SpecNode list, final RegistryAllowlist allowlist, final Problems problems) {
        List<RegistryHostSettings> settings = new ArrayList<>();
        try {
            for (SpecNode node : list.elements()) {
                Attributes attributes = Attributes.read(node, JcascElement.REGISTRY, problems);
                if (!attributes.readable()) {
                    continue;
                }
                String registry = attributes.text("registry", "").trim();
                String pem = attributes.text("caCertificates", "");
                boolean insecure = attributes.bool("insecure", false);
                int connect = attributes.number(
                        SpecNumber.CONNECT_TIMEOUT_SECONDS, RegistryHostSettings.DEFAULT_CONNECT_SECONDS);
                int read =
                        attributes.number(SpecNumber.READ_TIMEOUT_SECONDS, RegistryHostSettings.DEFAULT_READ_SECONDS);
                problems.at(
                                e -> attributes.get(e.getField()).path(),
                                () -> RegistryHostSettings.of(registry, pem, insecure, connect, read)
                                        .requireAllowed(allowlist))
                        .ifPresent(settings::add);
            }
        } catch (InvalidValueException e) {
            problems.add(e);
            return RegistryHosts.NONE;
        }
        if (problems.count() > 0) {
            return RegistryHosts.NONE;
        }
        return problems.at(list.path(), () -> new RegistryHosts(settings)).orElse(RegistryHosts.NONE);
    }
}
