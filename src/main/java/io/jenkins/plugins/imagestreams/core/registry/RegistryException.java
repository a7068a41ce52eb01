package io.jenkins.plugins.imagestreams.core.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed registry call, typed by the condition reason it maps to one-to-one. The message names the
 * registry and the reference, never a credential or a token.
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ConditionReason reason;

    @CheckForNull
    private final Instant retryAfter;

    /**
     * Creates the exception.
     *
     * @param reason the condition reason
     * @param message names the registry and the reference, e.g.
     *     {@code quay.io: quay.io/org/app:1.2 not found (404 MANIFEST_UNKNOWN)}
     * @param retryAfter for {@link ConditionReason#RateLimited}: when the registry allows the next request
     */
    public RegistryException(final ConditionReason reason, final String message, final Optional<Instant> retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = retryAfter.orElse(null);
    }

    /**
     * Returns the condition reason.
     *
     * @return one of NotFound, Unauthorized, RateLimited, Unavailable, InvalidManifest
     */
    public ConditionReason reason() {
        return reason;
    }

    /**
     * Returns when the registry allows the next request, if it said ({@code Retry-After}).
     *
     * @return the instant, or empty
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
