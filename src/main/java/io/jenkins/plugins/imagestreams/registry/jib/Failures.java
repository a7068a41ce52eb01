package io.jenkins.plugins.imagestreams.registry.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTTP outcomes into typed {@link RegistryException}s and reads the rate-limit headers. Messages have the
 * shape {@code <subject>: <what happened> (<status> <registry error code>)}: they name the registry and the
 * reference and never a header value that could carry a credential.
 */
final class Failures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,9})");
    private static final Pattern DELAY_SECONDS = Pattern.compile("\\d{1,9}");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z_]{1,40}");

    private final Clock clock;

    /**
     * Creates the mapper.
     *
     * @param clock the clock that turns {@code Retry-After: <seconds>} into an instant
     */
    Failures(final Clock clock) {
        this.clock = clock;
    }

    /**
     * Maps a non-2xx status: 404 NotFound, 401/403 Unauthorized, 429 RateLimited (with Retry-After), 5xx
     * Unavailable, 400 InvalidManifest (the registry refused the manifest), anything else Unavailable.
     *
     * @param subject the registry and reference
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the response body, empty for HEAD
     * @return the exception to throw
     */
    RegistryException forStatus(
            final String subject, final int status, final ResponseHeaders headers, final byte[] body) {
        String detail = " (" + status + errorCode(body).map(code -> " " + code).orElse("") + ")";
        return switch (status) {
            case 404 -> failure(ConditionReason.NotFound, subject + ": not found" + detail);
            case 401, 403 ->
                failure(ConditionReason.Unauthorized, subject + ": the registry refused the credentials" + detail);
            case 429 ->
                new RegistryException(
                        ConditionReason.RateLimited,
                        subject + ": rate limited" + detail
                                + retryAfter(headers)
                                        .map(at -> ", retry after " + at)
                                        .orElse(""),
                        retryAfter(headers));
            case 400 ->
                failure(ConditionReason.InvalidManifest, subject + ": the registry rejected the request" + detail);
            default ->
                failure(
                        ConditionReason.Unavailable,
                        subject + (status >= 500 ? ": the registry is unavailable" : ": unexpected answer") + detail);
        };
    }

    /**
     * A failure without a response: timeouts, refused and reset connections.
     *
     * @param subject the registry and reference
     * @param e the cause; only its class name and message are used
     * @return an Unavailable exception
     */
    static RegistryException unreachable(final String subject, final Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return failure(
                ConditionReason.Unavailable,
                subject + ": the registry could not be reached (" + e.getClass().getSimpleName() + message + ")");
    }

    /**
     * The transport's HTTP proxy answered {@code 407 Proxy Authentication Required}, to a request or to the
     * {@code CONNECT} of a tunnel: nothing reached the registry. Unavailable rather than Unauthorized, because the
     * registry has not judged the tag's credentials: like an unreachable registry, it is fixed in the proxy
     * settings, and imports back off meanwhile.
     *
     * @param subject the registry and reference
     * @param transport the transport, with its proxy
     * @return an Unavailable exception naming the proxy's {@code host:port} and user, never the password
     */
    static RegistryException proxyRefused(final String subject, final RegistryTransport transport) {
        String proxy = transport
                .proxy()
                .map(address -> address.getHostString() + ":" + address.getPort())
                .orElse("in use");
        String refusal = transport
                .proxyCredentials()
                .map(user -> "refused the credentials of proxy user '" + user.userName() + "'")
                .orElse("asks for credentials, and none are configured");
        return failure(
                ConditionReason.Unavailable,
                subject + ": the HTTP proxy " + proxy + " " + refusal
                        + " (407 Proxy Authentication Required); no request reached the registry");
    }

    /**
     * An exception without a retry instant.
     *
     * @param reason the reason
     * @param message the message, naming the registry and the reference
     * @return the exception
     */
    static RegistryException failure(final ConditionReason reason, final String message) {
        return new RegistryException(reason, message, Optional.empty());
    }

    /**
     * Reads {@code Retry-After} as delay seconds or an HTTP-date (RFC 9110 section 10.2.3).
     *
     * @param headers the response headers
     * @return the instant after which a retry is allowed, or empty if absent or unreadable
     */
    Optional<Instant> retryAfter(final ResponseHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (DELAY_SECONDS.matcher(value.get()).matches()) {
            return Optional.of(clock.instant().plusSeconds(Long.parseLong(value.get())));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads Docker Hub's {@code ratelimit-remaining}, e.g. {@code 76;w=21600}.
     *
     * @param headers the response headers
     * @return the remaining requests in the window, or empty if absent
     */
    static OptionalInt rateLimitRemaining(final ResponseHeaders headers) {
        Optional<String> value = headers.firstValue("ratelimit-remaining");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher number = LEADING_NUMBER.matcher(value.get());
        return number.find() ? OptionalInt.of(Integer.parseInt(number.group(1))) : OptionalInt.empty();
    }

    /** The first {@code errors[].code} of a registry error body, when it looks like one (upper-case words). */
    private static Optional<String> errorCode(final byte[] body) {
        if (body.length == 0 || body.length > 65_536 || body[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode code = JSON.readTree(body).path("errors").path(0).path("code");
            return code.isTextual() && ERROR_CODE.matcher(code.asText()).matches()
                    ? Optional.of(code.asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
