package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.util.Objects;

/**
 * One request to a registry's {@code /v2/} API, with what is needed to authorise it.
 *
 * @param host the endpoint {@code host[:port]} (Docker Hub already mapped to {@code registry-1.docker.io})
 * @param transport the host's transport settings
 * @param method {@code HEAD} or {@code GET}
 * @param pathAndQuery e.g. {@code /v2/library/python/manifests/3.12}, already URL-encoded
 * @param accept the {@code Accept} value
 * @param scope the token scope, e.g. {@code repository:library/python:pull}
 * @param credentials how to authenticate
 * @param subject what messages name: the registry and the reference, e.g. {@code docker.io/library/python:3.12}
 */
record RegistryRequest(
        String host,
        RegistryTransport transport,
        String method,
        String pathAndQuery,
        String accept,
        String scope,
        RegistryCredentials credentials,
        String subject) {
    /** Validates the record. */
    RegistryRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * Returns the same request with another method and path, e.g. the GET after a HEAD or the next tag page.
     *
     * @param newMethod the method
     * @param newPathAndQuery the path and query
     * @return the copy
     */
    RegistryRequest with(final String newMethod, final String newPathAndQuery) {
        return new RegistryRequest(host, transport, newMethod, newPathAndQuery, accept, scope, credentials, subject);
    }

    /**
     * Renders the request without any secret, e.g. {@code HEAD /v2/demo/app/manifests/v1}.
     *
     * @return method and path
     */
    @Override
    public String toString() {
        return method + " " + pathAndQuery + " on " + host + " as " + credentials;
    }
}
