package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Arrays;

/**
 * How a multi-platform image (an OCI index or a Docker manifest list) is imported, after OpenShift's
 * {@code importMode} (openshift/api {@code image/v1} {@code ImportModeType}).
 */
public enum ImportMode {
    /** Keep the index digest itself, with its per-platform children. The default. */
    PRESERVE_ORIGINAL("PreserveOriginal"),
    /** Pick one platform's manifest (the first of {@code platforms}, else {@code linux/amd64}). */
    LEGACY("Legacy");

    private final String wireName;

    ImportMode(final String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in JCasC, JSON and OpenShift.
     *
     * @return {@code PreserveOriginal} or {@code Legacy}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses the OpenShift name, case-insensitively.
     *
     * @param value {@code PreserveOriginal} or {@code Legacy}
     * @return the mode
     * @throws InvalidValueException if the value is neither
     */
    public static ImportMode parse(final String value) {
        return Arrays.stream(values())
                .filter(m -> m.wireName.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidValueException("importMode", "must be PreserveOriginal or Legacy", value));
    }
}
