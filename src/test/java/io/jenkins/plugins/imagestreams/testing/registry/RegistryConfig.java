package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code config.yml} of one registry run (distribution 2.8.2): filesystem storage with delete enabled,
 * log level warn, no access log, and optionally TLS, htpasswd or token auth.
 */
final class RegistryConfig {

    /** The response header that marks responses from this fixture's registry, not a stranger on the same port. */
    static final String INSTANCE_HEADER = "X-ImageStreams-Fixture-Instance";

    private final Path storage;
    private final String instanceId;
    private Path tlsCertificate;
    private Path tlsKey;
    private Path htpasswd;
    private URI tokenRealm;
    private Path tokenRootCertificates;

    /**
     * @param storage the registry's storage root directory
     * @param instanceId the value of {@link #INSTANCE_HEADER} on every response
     */
    RegistryConfig(Path storage, String instanceId) {
        this.storage = storage;
        this.instanceId = instanceId;
    }

    /** Serves HTTPS with a PEM certificate chain and PEM key. */
    RegistryConfig tls(Path certificate, Path key) {
        this.tlsCertificate = certificate;
        this.tlsKey = key;
        return this;
    }

    /** Requires Basic auth checked against an htpasswd file (bcrypt entries). */
    RegistryConfig htpasswd(Path file) {
        this.htpasswd = file;
        return this;
    }

    /** Requires bearer tokens from {@code realm}, signed by a certificate in {@code rootCertificates}. */
    RegistryConfig token(URI realm, Path rootCertificates) {
        this.tokenRealm = realm;
        this.tokenRootCertificates = rootCertificates;
        return this;
    }

    /**
     * Writes the configuration for a registry listening on {@code 127.0.0.1:port}.
     *
     * @return the file written
     */
    Path write(Path file, int port) throws IOException {
        return Files.writeString(file, render(port), StandardCharsets.UTF_8);
    }

    String render(int port) {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ")
                .append(quote(storage))
                .append("\n  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:")
                .append(port)
                .append("\n  secret: test-secret\n  headers:\n    ")
                .append(INSTANCE_HEADER)
                .append(": [")
                .append(Json.quote(instanceId))
                .append("]\n");
        if (tlsCertificate != null) {
            yaml.append("  tls:\n    certificate: ").append(quote(tlsCertificate));
            yaml.append("\n    key: ").append(quote(tlsKey)).append('\n');
        }
        if (htpasswd != null) {
            yaml.append("auth:\n  htpasswd:\n    realm: test-realm\n    path: ")
                    .append(quote(htpasswd))
                    .append('\n');
        }
        if (tokenRealm != null) {
            yaml.append("auth:\n  token:\n    realm: ").append(Json.quote(tokenRealm.toString()));
            yaml.append("\n    service: ").append(TokenSigner.SERVICE);
            yaml.append("\n    issuer: ").append(TokenSigner.ISSUER);
            yaml.append("\n    rootcertbundle: ")
                    .append(quote(tokenRootCertificates))
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String quote(Path path) {
        return Json.quote(path.toAbsolutePath().toString());
    }
}
