package io.jenkins.plugins.imagestreams.jenkins.config;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The configuration as the core sees it: the streams, the allowlist and the per-registry settings, validated
 * together, so that a change of one is checked against the others (a narrower allowlist against the streams that
 * import from a registry it no longer names).
 *
 * @param streams the streams, in configuration order
 * @param allowlist the registry allowlist
 * @param registries the per-registry settings
 */
record ValidatedConfiguration(List<ImageStream> streams, RegistryAllowlist allowlist, RegistryHosts registries) {
    /** Nothing configured. */
    static final ValidatedConfiguration EMPTY =
            new ValidatedConfiguration(List.of(), RegistryAllowlist.allowAll(), RegistryHosts.NONE);

    ValidatedConfiguration {
        streams = List.copyOf(streams);
    }

    /**
     * Validates a whole configuration.
     *
     * @param definitions the stream definitions
     * @param allowedRegistries the allowlist as entered
     * @param registryDefinitions the per-registry settings
     * @param previousAllowlist the allowlist in force, to tell a narrowed allowlist from a new stream
     * @return the validated configuration
     * @throws InvalidValueException naming the field and the rule: {@code allowedRegistries} (with every stream tag
     *     outside it, when the allowlist changed), {@code registries.<registry>.<field>} or
     *     {@code streams.<stream>.<field>}
     */
    static ValidatedConfiguration of(
            final List<ImageStreamDefinition> definitions,
            final String allowedRegistries,
            final List<RegistryDefinition> registryDefinitions,
            final RegistryAllowlist previousAllowlist) {
        RegistryAllowlist allowlist = RegistryAllowlist.parse(allowedRegistries);
        RegistryHosts registries = new RegistryHosts(
                registryDefinitions.stream().map(RegistryDefinition::toModel).toList());
        registries.check(allowlist);
        List<ImageStream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ImageStreamDefinition definition : definitions) {
            try {
                streams.add(definition.toModel());
            } catch (InvalidValueException e) {
                throw e.within("streams." + definition.getName());
            }
            if (!names.add(definition.getName())) {
                throw new InvalidValueException("streams", "must not define a stream twice", definition.getName());
            }
        }
        checkAllowlist(streams, allowlist, !allowlist.equals(previousAllowlist), allowedRegistries);
        return new ValidatedConfiguration(streams, allowlist, registries);
    }

    /**
     * Converts a configuration read from disk, leaving out what breaks a rule (a hand-edited file, or a rule that
     * became stricter), so that one bad stream does not stop the others.
     *
     * @param definitions the stream definitions
     * @param allowedRegistries the allowlist as saved
     * @param registryDefinitions the per-registry settings as saved
     * @param problems told about each part left out
     * @return what is valid
     */
    static ValidatedConfiguration lenient(
            final List<ImageStreamDefinition> definitions,
            final String allowedRegistries,
            final List<RegistryDefinition> registryDefinitions,
            final Consumer<InvalidValueException> problems) {
        RegistryAllowlist allowlist = RegistryAllowlist.allowAll();
        try {
            allowlist = RegistryAllowlist.parse(allowedRegistries);
        } catch (InvalidValueException e) {
            problems.accept(e);
        }
        RegistryHosts registries = RegistryHosts.NONE;
        try {
            registries = new RegistryHosts(registryDefinitions.stream()
                    .map(RegistryDefinition::toModel)
                    .toList());
        } catch (InvalidValueException e) {
            problems.accept(e);
        }
        List<ImageStream> streams = new ArrayList<>();
        for (ImageStreamDefinition definition : definitions) {
            try {
                streams.add(definition.toModel());
            } catch (InvalidValueException e) {
                problems.accept(e.within("streams." + definition.getName()));
            }
        }
        return new ValidatedConfiguration(streams, allowlist, registries);
    }

    private static void checkAllowlist(
            final List<ImageStream> streams,
            final RegistryAllowlist allowlist,
            final boolean allowlistChanged,
            final String allowedRegistries) {
        List<String> outside = new ArrayList<>();
        for (ImageStream stream : streams) {
            for (TagReference tag : stream.tags()) {
                if (tag.from() instanceof TagSource.RegistryImage image
                        && !allowlist.allows(image.image(), tag.importPolicy().insecure())) {
                    if (!allowlistChanged) {
                        allowlist.check(
                                "streams." + stream.name() + ".tags." + tag.name() + ".from",
                                image.image(),
                                tag.importPolicy().insecure());
                    }
                    outside.add(stream.name() + ":" + tag.name() + " ("
                            + (tag.importPolicy().insecure() ? "insecure, " : "")
                            + image.image().registry() + ")");
                }
            }
        }
        if (!outside.isEmpty()) {
            throw new InvalidValueException(
                    "allowedRegistries",
                    "must still allow every registry the streams import from; outside it: "
                            + String.join(", ", outside),
                    allowedRegistries);
        }
    }
}
