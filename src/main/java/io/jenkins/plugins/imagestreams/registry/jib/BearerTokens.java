package io.jenkins.plugins.imagestreams.registry.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens from a registry's token endpoint (distribution token spec), cached per registry host, scope and
 * credential ({@link RegistryCredentials#cacheKey()}) until {@code expires_in} (default 60 s) minus a tenth, so a
 * poll cycle over many tags of one repository asks once. Concurrent callers for the same key wait for one request.
 */
final class BearerTokens {
    private static final int MAX_ENTRIES = 4096;
    private static final long DEFAULT_EXPIRES_IN_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Failures failures;

    private record Key(String host, String scope, String credentials) {}

    private record Token(String value, Instant expiresAt) {}

    /**
     * Creates an empty cache.
     *
     * @param clock the clock for expiry
     * @param failures maps token-endpoint statuses
     */
    BearerTokens(final Clock clock, final Failures failures) {
        this.clock = clock;
        this.failures = failures;
    }

    /**
     * Returns a cached, unexpired token.
     *
     * @param request the request to authorise
     * @return the token, or empty
     */
    Optional<String> cached(final RegistryRequest request) {
        Token token = tokens.get(key(request));
        return token != null && clock.instant().isBefore(token.expiresAt())
                ? Optional.of(token.value())
                : Optional.empty();
    }

    /**
     * Forgets the token of a request, e.g. after the registry answered {@code error="invalid_token"}.
     *
     * @param request the request whose token was refused
     */
    void invalidate(final RegistryRequest request) {
        tokens.remove(key(request));
    }

    /**
     * Returns a cached token or asks the challenge's realm for one ({@code GET realm?service=…&scope=…}, with
     * basic credentials when there are any).
     *
     * @param request the request to authorise; its scope is asked for
     * @param challenge a bearer challenge
     * @param exchange sends the token request within the call's deadline
     * @return the token
     * @throws RegistryException Unauthorized when refused, Unavailable when the endpoint fails or times out
     */
    String obtain(final RegistryRequest request, final Challenge challenge, final Exchange exchange)
            throws RegistryException {
        Key key = key(request);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Optional<String> cached = cached(request);
            if (cached.isPresent()) {
                return cached.get();
            }
            Token token = fetch(request, challenge, exchange);
            if (tokens.size() >= MAX_ENTRIES) {
                Instant now = clock.instant();
                tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
                if (tokens.size() >= MAX_ENTRIES) {
                    tokens.clear();
                    locks.clear();
                }
            }
            tokens.put(key, token);
            return token.value();
        }
    }

    private Token fetch(final RegistryRequest request, final Challenge challenge, final Exchange exchange)
            throws RegistryException {
        String realm = challenge.parameter("realm").orElseThrow();
        String subject =
                request.subject() + " (token endpoint " + URI.create(realm).getAuthority() + ")";
        StringBuilder query = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        challenge
                .parameter("service")
                .ifPresent(s -> query.append("service=").append(encode(s)).append('&'));
        query.append("scope=").append(encode(request.scope()));
        RegistryCredentials credentials = request.credentials();
        credentials.username().ifPresent(user -> query.append("&account=").append(encode(user)));
        Optional<String> basic = credentials.username().isPresent()
                        && credentials.secret().isPresent()
                ? Optional.of(RegistrySession.basic(
                        credentials.username().get(), credentials.secret().get()))
                : Optional.empty();
        RegistryResponse response = exchange.send(URI.create(query.toString()), basic, subject);
        if (response.statusCode() != 200) {
            throw failures.forStatus(subject, response.statusCode(), response.headers(), new byte[0]);
        }
        return parse(response.body(), subject);
    }

    private Token parse(final byte[] body, final String subject) throws RegistryException {
        try {
            JsonNode json = JSON.readTree(body);
            String value = json.path("token").asText(json.path("access_token").asText(""));
            if (value.isEmpty()) {
                throw new IOException("no token in the answer");
            }
            long expiresIn = json.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS);
            if (expiresIn <= 0) {
                expiresIn = DEFAULT_EXPIRES_IN_SECONDS;
            }
            return new Token(value, clock.instant().plusSeconds(expiresIn - Math.max(1, expiresIn / 10)));
        } catch (IOException e) {
            throw Failures.failure(ConditionReason.Unauthorized, subject + ": unreadable token answer");
        }
    }

    private static Key key(final RegistryRequest request) {
        return new Key(request.host(), request.scope(), request.credentials().cacheKey());
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends a request within the current call's deadline and transport. */
    @FunctionalInterface
    interface Exchange {
        /**
         * Sends the request.
         *
         * @param uri the token endpoint with its query
         * @param basicAuthorization the {@code Authorization: Basic …} value when there are credentials
         * @param subject what messages name
         * @return the response
         * @throws RegistryException Unavailable on timeouts and I/O errors
         */
        RegistryResponse send(URI uri, Optional<String> basicAuthorization, String subject) throws RegistryException;
    }
}
