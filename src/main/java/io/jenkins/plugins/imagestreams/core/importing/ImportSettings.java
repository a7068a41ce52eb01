package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of an {@link Importer}.
 *
 * @param caps the global and per-registry caps
 * @param policy the scheduler's backoff and rate-limit tunables
 * @param deadline the most one resolve may take, token requests included
 * @param insecureRegistries hosts on the administrator's allowlist for plain HTTP or unverified TLS; a tag's
 *     {@code insecure} flag is honoured only for these
 */
public record ImportSettings(
        ImportCaps caps, SchedulerPolicy policy, Duration deadline, Set<String> insecureRegistries) {
    /** Default caps and policy, a 30-second deadline, no insecure registry. */
    public static final ImportSettings DEFAULT =
            new ImportSettings(ImportCaps.DEFAULT, SchedulerPolicy.DEFAULT, Duration.ofSeconds(30), Set.of());

    /** Validates and copies the record. */
    public ImportSettings {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(deadline, "deadline");
        insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /**
     * Returns a copy with other caps.
     *
     * @param newCaps the caps
     * @return the copy
     */
    public ImportSettings withCaps(final ImportCaps newCaps) {
        return new ImportSettings(newCaps, policy, deadline, insecureRegistries);
    }
}
