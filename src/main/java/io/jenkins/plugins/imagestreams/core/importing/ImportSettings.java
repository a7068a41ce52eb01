package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The configuration of an {@link Importer}.
 *
 * @param caps the global and per-registry caps
 * @param policy the scheduler's backoff and rate-limit tunables
 * @param deadline the most one resolve may take, token requests included
 * @param allowlist the administrator's registry allowlist, read again before every import: a tag whose source is
 *     outside it (or is {@code insecure} on a registry the list does not name) is refused without a request
 */
public record ImportSettings(
        ImportCaps caps, SchedulerPolicy policy, Duration deadline, Supplier<RegistryAllowlist> allowlist) {
    /** Default caps and policy, a 30-second deadline, every registry allowed for secure imports only. */
    public static final ImportSettings DEFAULT = new ImportSettings(
            ImportCaps.DEFAULT, SchedulerPolicy.DEFAULT, Duration.ofSeconds(30), RegistryAllowlist::allowAll);

    /** Validates and copies the record. */
    public ImportSettings {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(allowlist, "allowlist");
    }

    /**
     * Returns a copy with other caps.
     *
     * @param newCaps the caps
     * @return the copy
     */
    public ImportSettings withCaps(final ImportCaps newCaps) {
        return new ImportSettings(newCaps, policy, deadline, allowlist);
    }

    /**
     * Returns a copy with another allowlist.
     *
     * @param current supplies the allowlist in force, read before every import
     * @return the copy
     */
    public ImportSettings withAllowlist(final Supplier<RegistryAllowlist> current) {
        return new ImportSettings(caps, policy, deadline, current);
    }
}
