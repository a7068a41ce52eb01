package io.jenkins.plugins.imagestreams.registry.jib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.message.HeaderGroup;

/**
 * The headers of one registry answer, kept in HttpCore's own {@link HeaderGroup} as HttpClient received them (names
 * looked up case-insensitively, as RFC 9110 section 5.1 requires), instead of being copied into another map on every
 * request. Read-only once created.
 */
final class ResponseHeaders {
    private final HeaderGroup group = new HeaderGroup();

    /**
     * Wraps received headers.
     *
     * @param headers the headers in the order received
     */
    ResponseHeaders(final Header... headers) {
        group.setHeaders(headers);
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case, e.g. {@code Docker-Content-Digest}
     * @return the value, or empty when the header is absent
     */
    Optional<String> firstValue(final String name) {
        Header header = group.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.of(header.getValue());
    }

    /**
     * Returns every value of a header, in the order received.
     *
     * @param name the header name, any case, e.g. {@code Link}
     * @return the values; empty when the header is absent
     */
    List<String> allValues(final String name) {
        List<String> values = new ArrayList<>();
        for (Header header : group.getHeaders(name)) {
            values.add(header.getValue());
        }
        return values;
    }
}
