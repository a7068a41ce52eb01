package io.jenkins.plugins.imagestreams.core.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to a registry: anonymously, with a username and password (basic, or exchanged for a
 * bearer token), or with a token. {@link #toString()} never shows the secret, so a credential can be logged
 * or put in an exception message by mistake without leaking.
 */
public final class RegistryCredentials {
    private static final RegistryCredentials ANONYMOUS = new RegistryCredentials(null, null);

    @CheckForNull
    private final String username;

    @CheckForNull
    private final String secret;

    private RegistryCredentials(@CheckForNull final String username, @CheckForNull final String secret) {
        this.username = username;
        this.secret = secret;
    }

    /**
     * No credentials; anonymous bearer tokens are still fetched when the registry asks (Docker Hub does).
     *
     * @return the anonymous credentials
     */
    public static RegistryCredentials anonymous() {
        return ANONYMOUS;
    }

    /**
     * A username and a password or access token.
     *
     * @param username the user
     * @param password the password or token
     * @return the credentials
     */
    public static RegistryCredentials usernamePassword(final String username, final String password) {
        return new RegistryCredentials(Objects.requireNonNull(username), Objects.requireNonNull(password));
    }

    /**
     * A registry token used as is, as {@code Authorization: Bearer <token>}.
     *
     * @param token the token
     * @return the credentials
     */
    public static RegistryCredentials token(final String token) {
        return new RegistryCredentials(null, Objects.requireNonNull(token));
    }

    /**
     * Returns the username.
     *
     * @return the username, empty for anonymous and token credentials
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Returns the secret: a password or a token. Never log it.
     *
     * @return the secret, empty for anonymous credentials
     */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    /**
     * Whether these are anonymous credentials.
     *
     * @return true when there is no secret
     */
    public boolean isAnonymous() {
        return secret == null;
    }

    /**
     * A key that distinguishes credentials without containing the secret, for token caches.
     *
     * @return the username and a SHA-256 fingerprint of the secret, or {@code anonymous}
     */
    public String cacheKey() {
        if (secret == null) {
            return "anonymous";
        }
        return username().orElse("<token>") + "#"
                + io.jenkins.plugins.imagestreams.core.image.Digest.sha256Of(
                                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .shortForm();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RegistryCredentials other
                && Objects.equals(username, other.username)
                && Objects.equals(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, secret);
    }

    @Override
    public String toString() {
        if (secret == null) {
            return "anonymous";
        }
        return username == null ? "token(****)" : username + ":****";
    }
}
