package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-registry settings of a configuration. A registry gets the settings of the most specific pattern that
 * matches it (host and port, then host, then the longest wildcard); a registry no pattern matches gets the
 * adapter's defaults.
 *
 * @param settings the settings, each pattern at most once
 */
public record RegistryHosts(List<RegistryHostSettings> settings) {
    /** No per-registry settings. */
    public static final RegistryHosts NONE = new RegistryHosts(List.of());

    /**
     * Validates and copies the list.
     *
     * @throws InvalidValueException naming {@code registries} if a pattern is listed twice
     */
    public RegistryHosts {
        settings = List.copyOf(settings);
        Set<RegistryHostPattern> seen = new HashSet<>();
        for (RegistryHostSettings entry : settings) {
            if (!seen.add(entry.registry())) {
                throw new InvalidValueException(
                        "registries",
                        "must not list a registry twice",
                        entry.registry().toString());
            }
        }
    }

    /**
     * Returns the settings of a registry.
     *
     * @param registry the registry of a normalised reference, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
     * @return the most specific matching settings, or empty
     */
    public Optional<RegistryHostSettings> forRegistry(final String registry) {
        return settings.stream()
                .filter(s -> s.registry().matches(registry))
                .max(Comparator.comparingInt(s -> s.registry().specificity()));
    }

    /**
     * Checks that every registry marked insecure is on the allowlist, as a tag's {@code insecure} must be.
     *
     * @param allowlist the allowlist
     * @throws InvalidValueException naming {@code registries.<pattern>.insecure} and the allowlist's rule
     */
    public void check(final RegistryAllowlist allowlist) {
        for (RegistryHostSettings entry : settings) {
            try {
                entry.requireAllowed(allowlist);
            } catch (InvalidValueException e) {
                throw e.within("registries." + entry.registry());
            }
        }
    }
}
