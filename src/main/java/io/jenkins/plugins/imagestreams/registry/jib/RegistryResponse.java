package io.jenkins.plugins.imagestreams.registry.jib;

import java.util.Objects;

/**
 * A complete registry answer: status, headers and the (bounded) body.
 *
 * @param statusCode the HTTP status, e.g. {@code 200}
 * @param headers the response headers, looked up case-insensitively
 * @param body the body bytes; empty for {@code HEAD}, and for bodies above the size bound
 */
record RegistryResponse(int statusCode, ResponseHeaders headers, byte[] body) {
    /** Validates the record. */
    RegistryResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }
}
