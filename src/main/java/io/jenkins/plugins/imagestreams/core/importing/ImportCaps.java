package io.jenkins.plugins.imagestreams.core.importing;

import java.util.Map;
import java.util.Objects;

/**
 * The politeness caps of the importer.
 *
 * @param importsPerMinute the most registry resolves in any sliding 60-second window, over all registries
 * @param registryDefaults the per-registry caps of registries without an override
 * @param registryOverrides per-registry caps by host, e.g. {@code docker.io}
 */
public record ImportCaps(
        int importsPerMinute, RegistryLimits registryDefaults, Map<String, RegistryLimits> registryOverrides) {
    /** The default global cap: 60 imports per minute. */
    public static final int DEFAULT_IMPORTS_PER_MINUTE = 60;

    /** 60 per minute; 4 concurrent and 10 per second for each registry. */
    public static final ImportCaps DEFAULT =
            new ImportCaps(DEFAULT_IMPORTS_PER_MINUTE, RegistryLimits.DEFAULT, Map.of());

    /** Validates and copies the record. */
    public ImportCaps {
        if (importsPerMinute < 1 || importsPerMinute > 1_000_000) {
            throw new IllegalArgumentException("importsPerMinute must be between 1 and 1000000: " + importsPerMinute);
        }
        Objects.requireNonNull(registryDefaults, "registryDefaults");
        registryOverrides = Map.copyOf(registryOverrides);
    }
}
