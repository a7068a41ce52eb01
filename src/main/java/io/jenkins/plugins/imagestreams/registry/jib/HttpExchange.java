package io.jenkins.plugins.imagestreams.registry.jib;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Sends one {@code HEAD} or {@code GET} over a pooled Apache HttpClient 4.5 client and reads the whole answer
 * within a call's {@link Deadline}.
 *
 * <ul>
 *   <li>The connect timeout, the read (socket) timeout and the wait for a pooled connection are each capped by the
 *       time left, and a timer aborts the request when the deadline passes, so a body that trickles in byte by byte
 *       cannot outlive it.
 *   <li>Redirects (301, 302, 303, 307, 308) are followed here, at most {@value #MAX_REDIRECTS} times; the
 *       {@code Authorization} header goes along only to the same scheme, host and port, as {@code docker} does,
 *       so a token never reaches a blob store or a CDN.
 *   <li>Bodies above {@value #MAX_BODY_BYTES} bytes are not buffered: the connection is dropped and the call fails
 *       with InvalidManifest.
 * </ul>
 */
final class HttpExchange {
    /** Manifests and tag pages are kilobytes; a body above this is refused instead of buffered. */
    static final int MAX_BODY_BYTES = 4 << 20;

    /** The most redirects one request follows (distribution registries use one, for blobs). */
    static final int MAX_REDIRECTS = 5;

    /** The proxy's answer when it wants (other) credentials, RFC 9110 section 15.5.8. */
    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    /** One daemon thread aborts the requests whose deadline passed; cancelled timers leave its queue at once. */
    private static final ScheduledThreadPoolExecutor ABORTS = abortTimer();

    private HttpExchange() {}

    /**
     * Sends a request and reads its answer.
     *
     * @param client the pooled client of the host's transport
     * @param method {@code HEAD} or {@code GET}
     * @param uri the absolute URI
     * @param headers request headers (e.g. {@code Accept}, {@code Authorization}), in order
     * @param transport the host's settings; its read and connect timeouts are capped by the deadline
     * @param deadline the call's deadline
     * @param subject what messages name: the registry and the reference
     * @return the answer (any status, including an unfollowed 3xx after {@value #MAX_REDIRECTS} redirects)
     * @throws SSLException when TLS fails, so that an insecure host can be retried over plain HTTP
     * @throws RegistryException Unavailable on timeouts (the deadline included), refused or reset connections, and
     *     when the transport's proxy answers {@code 407} (its credentials are missing or wrong; the message names
     *     the proxy and its user, never the password); InvalidManifest for a body above {@value #MAX_BODY_BYTES}
     *     bytes
     */
    static RegistryResponse send(
            final CloseableHttpClient client,
            final String method,
            final URI uri,
            final Map<String, String> headers,
            final RegistryTransport transport,
            final Deadline deadline,
            final String subject)
            throws SSLException, RegistryException {
        URI target = uri;
        Map<String, String> sent = headers;
        for (int redirects = 0; ; redirects++) {
            RegistryResponse response = once(client, method, target, sent, transport, deadline, subject);
            Optional<URI> location = redirect(response, target);
            if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                return response;
            }
            if (!sameOrigin(target, location.get())) {
                sent = new LinkedHashMap<>(sent);
                sent.remove("Authorization");
            }
            target = location.get();
        }
    }

    private static RegistryResponse once(
            final CloseableHttpClient client,
            final String method,
            final URI uri,
            final Map<String, String> headers,
            final RegistryTransport transport,
            final Deadline deadline,
            final String subject)
            throws SSLException, RegistryException {
        Duration left = deadline.remaining(transport.readTimeout());
        if (left.isZero() || left.isNegative()) {
            throw Failures.failure(
                    ConditionReason.Unavailable, subject + ": deadline of " + deadline.total() + " passed");
        }
        int readMillis = millis(left);
        HttpRequestBase request = "HEAD".equals(method) ? new HttpHead(uri) : new HttpGet(uri);
        headers.forEach(request::setHeader);
        request.setConfig(RequestConfig.custom()
                .setConnectTimeout(millis(deadline.remaining(transport.connectTimeout())))
                .setSocketTimeout(readMillis)
                .setConnectionRequestTimeout(millis(deadline.left()))
                .setRedirectsEnabled(false)
                .build());
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> timer = ABORTS.schedule(
                () -> {
                    aborted.set(true);
                    request.abort();
                },
                deadline.left().toNanos(),
                TimeUnit.NANOSECONDS);
        try (CloseableHttpResponse response = client.execute(request)) {
            byte[] body = body(response.getEntity(), request);
            if (body == null) {
                throw Failures.failure(
                        ConditionReason.InvalidManifest,
                        subject + ": the answer's body is larger than " + MAX_BODY_BYTES + " bytes; not read");
            }
            int status = response.getStatusLine().getStatusCode();
            if (status == PROXY_AUTHENTICATION_REQUIRED && transport.proxy().isPresent()) {
                throw Failures.proxyRefused(subject, transport);
            }
            return new RegistryResponse(status, new ResponseHeaders(response.getAllHeaders()), body);
        } catch (SSLException e) {
            if (aborted.get()) {
                throw timedOut(subject, deadline);
            }
            throw e;
        } catch (SocketTimeoutException | ConnectTimeoutException e) {
            throw timedOut(subject, Duration.ofMillis(readMillis));
        } catch (IOException e) {
            if (aborted.get()) {
                throw timedOut(subject, deadline);
            }
            throw Failures.unreachable(subject, e);
        } finally {
            timer.cancel(false);
        }
    }

    /** @return the body, empty without entity, or null when it exceeds {@link #MAX_BODY_BYTES} */
    @CheckForNull
    private static byte[] body(final HttpEntity entity, final HttpRequestBase request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > MAX_BODY_BYTES) {
            request.abort();
            return null;
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                request.abort();
                return null;
            }
            return bytes;
        }
    }

    private static Optional<URI> redirect(final RegistryResponse response, final URI from) {
        int status = response.statusCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(location -> {
            try {
                return from.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    private static boolean sameOrigin(final URI a, final URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static RegistryException timedOut(final String subject, final Deadline deadline) {
        return Failures.failure(
                ConditionReason.Unavailable,
                subject + ": no complete answer within the deadline of "
                        + deadline.total().toMillis() + " ms");
    }

    private static RegistryException timedOut(final String subject, final Duration timeout) {
        return Failures.failure(
                ConditionReason.Unavailable, subject + ": no complete answer within " + timeout.toMillis() + " ms");
    }

    private static int millis(final Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static ScheduledThreadPoolExecutor abortTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "imagestreams-registry-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
