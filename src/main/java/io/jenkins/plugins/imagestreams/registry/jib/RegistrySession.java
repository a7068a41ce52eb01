package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Sends authorised requests to registries over pooled Apache HttpClient clients ({@link HttpClientPool},
 * {@link HttpExchange}): anonymous, basic, or bearer tokens from {@link BearerTokens}. The challenge of each host is
 * remembered, so after the first call a request goes out with its authorisation and costs one round trip. On a
 * 401 the request is retried once with fresh authorisation; on an insecure host whose HTTPS fails, once over plain
 * HTTP. Every attempt takes its timeouts from the call's {@link Deadline}.
 */
final class RegistrySession {
    private final HttpClientPool clients = new HttpClientPool();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final BearerTokens tokens;

    /**
     * Creates a session.
     *
     * @param tokens the token cache
     */
    RegistrySession(final BearerTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Sends a request, authorising it as the registry asks.
     *
     * @param request the request
     * @param deadline the call's deadline
     * @return the final response, any status; 401 when authorisation failed twice
     * @throws RegistryException Unavailable on timeouts and I/O errors, or from the token endpoint
     */
    RegistryResponse send(final RegistryRequest request, final Deadline deadline) throws RegistryException {
        Optional<String> authorization = authorization(request, deadline);
        RegistryResponse response = exchange(request, authorization, deadline);
        if (response.statusCode() != 401) {
            return response;
        }
        Optional<Challenge> challenge = Challenge.parse(response.headers().firstValue("WWW-Authenticate"));
        if (challenge.isEmpty()) {
            return response;
        }
        challenges.put(request.host(), challenge.get());
        tokens.invalidate(request);
        Optional<String> retry = authorization(request, deadline);
        if (retry.isEmpty() || retry.equals(authorization)) {
            return response;
        }
        return exchange(request, retry, deadline);
    }

    private Optional<String> authorization(final RegistryRequest request, final Deadline deadline)
            throws RegistryException {
        Challenge challenge = challenges.get(request.host());
        var credentials = request.credentials();
        if (credentials.secret().isPresent() && credentials.username().isEmpty()) {
            return Optional.of("Bearer " + credentials.secret().get());
        }
        if (challenge == null) {
            return Optional.empty();
        }
        if (challenge.isBasic()) {
            return credentials
                    .username()
                    .map(user -> basic(user, credentials.secret().orElse("")));
        }
        if (!challenge.isBearer()) {
            return Optional.empty();
        }
        Optional<String> cached = tokens.cached(request);
        if (cached.isPresent()) {
            return Optional.of("Bearer " + cached.get());
        }
        String token = tokens.obtain(request, challenge, (uri, basic, subject) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            basic.ifPresent(value -> headers.put("Authorization", value));
            try {
                return HttpExchange.send(
                        clients.client(request.transport()),
                        "GET",
                        uri,
                        headers,
                        request.transport(),
                        deadline,
                        subject);
            } catch (SSLException e) {
                throw Failures.unreachable(subject, e);
            }
        });
        return Optional.of("Bearer " + token);
    }

    /**
     * Renders basic credentials for an {@code Authorization} header (RFC 7617, UTF-8).
     *
     * @param user the user name
     * @param secret the password or token
     * @return {@code Basic <base64(user:secret)>}
     */
    static String basic(final String user, final String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private RegistryResponse exchange(
            final RegistryRequest request, final Optional<String> authorization, final Deadline deadline)
            throws RegistryException {
        RegistryTransport transport = request.transport();
        boolean plain = transport.insecure() && clients.isPlainHttp(request.host());
        try {
            return send(request, authorization, plain, deadline);
        } catch (SSLException e) {
            if (!transport.insecure() || plain) {
                throw Failures.unreachable(request.subject(), e);
            }
            clients.markPlainHttp(request.host());
            try {
                return send(request, authorization, true, deadline);
            } catch (SSLException impossible) {
                throw Failures.unreachable(request.subject(), impossible);
            }
        }
    }

    private RegistryResponse send(
            final RegistryRequest request,
            final Optional<String> authorization,
            final boolean plain,
            final Deadline deadline)
            throws SSLException, RegistryException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", request.accept());
        authorization.ifPresent(value -> headers.put("Authorization", value));
        return HttpExchange.send(
                clients.client(request.transport()),
                request.method(),
                URI.create((plain ? "http://" : "https://") + request.host() + request.pathAndQuery()),
                headers,
                request.transport(),
                deadline,
                request.subject());
    }
}
