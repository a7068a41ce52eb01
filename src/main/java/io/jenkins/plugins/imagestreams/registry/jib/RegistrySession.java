package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends authorised requests to registries over the JDK {@link HttpClient}: anonymous, basic, or bearer tokens from
 * {@link BearerTokens}. The challenge of each host is remembered, so after the first call a request goes out with
 * its authorisation and costs one round trip. On a 401 the request is retried once with fresh authorisation; on
 * an insecure host whose HTTPS fails, once over plain HTTP. Every attempt takes its timeout from the call's
 * {@link Deadline}.
 */
final class RegistrySession {
    /** Manifests are kilobytes; a body above this is refused instead of buffered. */
    private static final long MAX_BODY_BYTES = 4L << 20;

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
    HttpResponse<byte[]> send(final RegistryRequest request, final Deadline deadline) throws RegistryException {
        Optional<String> authorization = authorization(request, deadline);
        HttpResponse<byte[]> response = exchange(request, authorization, deadline);
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
                    .map(user -> "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + credentials.secret().orElse(""))
                                                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (!challenge.isBearer()) {
            return Optional.empty();
        }
        Optional<String> cached = tokens.cached(request);
        if (cached.isPresent()) {
            return Optional.of("Bearer " + cached.get());
        }
        String token = tokens.obtain(request, challenge, (builder, subject) -> {
            HttpClient client = clients.client(request.host(), request.transport());
            return await(client, builder, request.transport().readTimeout(), deadline, subject, false);
        });
        return Optional.of("Bearer " + token);
    }

    private HttpResponse<byte[]> exchange(
            final RegistryRequest request, final Optional<String> authorization, final Deadline deadline)
            throws RegistryException {
        HttpClient client = clients.client(request.host(), request.transport());
        boolean plain = request.transport().insecure() && clients.isPlainHttp(request.host());
        Duration readTimeout = request.transport().readTimeout();
        try {
            return await(
                    client,
                    builder(request, authorization, plain),
                    readTimeout,
                    deadline,
                    request.subject(),
                    request.transport().insecure() && !plain);
        } catch (InsecureFallback fallback) {
            clients.markPlainHttp(request.host());
            return await(
                    client, builder(request, authorization, true), readTimeout, deadline, request.subject(), false);
        }
    }

    private static HttpRequest.Builder builder(
            final RegistryRequest request, final Optional<String> authorization, final boolean plain) {
        URI uri = URI.create((plain ? "http://" : "https://") + request.host() + request.pathAndQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(request.method(), HttpRequest.BodyPublishers.noBody())
                .header("Accept", request.accept())
                .header("User-Agent", "jenkins-imagestreams");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private static HttpResponse<byte[]> await(
            final HttpClient client,
            final HttpRequest.Builder builder,
            final Duration readTimeout,
            final Deadline deadline,
            final String subject,
            final boolean plainHttpFallback)
            throws RegistryException {
        Duration timeout = deadline.remaining(readTimeout);
        if (timeout.isZero() || timeout.isNegative()) {
            throw Failures.failure(
                    ConditionReason.Unavailable, subject + ": deadline of " + deadline.total() + " passed");
        }
        // the wait below bounds headers and body alike; a request timeout would only add a selector timer per call
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), RegistrySession::boundedBody);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(subject, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw Failures.failure(ConditionReason.Unavailable, subject + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SSLException && plainHttpFallback) {
                throw new InsecureFallback();
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(subject, timeout);
            }
            throw Failures.unreachable(subject, cause instanceof Exception ex ? ex : e);
        }
    }

    private static RegistryException timedOut(final String subject, final Duration timeout) {
        return Failures.failure(
                ConditionReason.Unavailable, subject + ": no complete answer within " + timeout.toMillis() + " ms");
    }

    private static HttpResponse.BodySubscriber<byte[]> boundedBody(final HttpResponse.ResponseInfo info) {
        long length = info.headers().firstValueAsLong("Content-Length").orElse(0);
        if (length > MAX_BODY_BYTES) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return HttpResponse.BodySubscribers.ofByteArray();
    }

    /** Signals that an insecure host failed TLS, so the request is repeated once over plain HTTP. */
    private static final class InsecureFallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InsecureFallback() {
            super(null, null, false, false);
        }
    }
}
