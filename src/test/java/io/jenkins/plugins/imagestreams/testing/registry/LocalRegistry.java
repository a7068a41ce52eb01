package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import org.junit.rules.ExternalResource;

/**
 * A JUnit 4 rule that runs Debian's real {@code docker-registry} (CNCF distribution 2.8.2) on a free loopback port,
 * with its own config and storage in a temp directory, in one of four variants: {@link #plain()}, {@link #tls()},
 * {@link #htpasswd()} and {@link #token()}.
 *
 * <pre>{@code
 * @Rule public LocalRegistry registry = LocalRegistry.tls();
 *
 * String digest = registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
 * }</pre>
 *
 * If the binary is missing the rule fails (it never skips) and says how to install it. The registry is started in
 * {@code before()} and stopped, with its directory deleted, in {@code after()}. As a {@code @ClassRule} one registry
 * (and everything pushed to it) is shared by the tests of a class. Test-side helpers use their own HTTP/1.1 client;
 * their token requests are not counted in {@link #tokenRequestCount()}.
 */
public final class LocalRegistry extends ExternalResource {

    /** The {@code Accept} value listing all four manifest types, as a resolver should send it. */
    public static final String MANIFEST_ACCEPT = RegistryPusher.MANIFEST_ACCEPT;

    /** The token service name: the {@code service} of the Bearer challenge and the {@code aud} of tokens. */
    public static final String TOKEN_SERVICE = TokenSigner.SERVICE;

    private static final String USERNAME = "alice";
    private static final String PASSWORD = "s3cret-test-password";

    private final RegistryOptions options;
    private volatile RegistryRun run;

    private LocalRegistry(RegistryOptions options) {
        this.options = options;
    }

    /** @return a registry on plain HTTP without auth */
    public static LocalRegistry plain() {
        return new LocalRegistry(RegistryOptions.of(RegistryOptions.Auth.NONE));
    }

    /** @return a registry on HTTPS, with a server certificate from a fresh {@link TestCertificateAuthority} */
    public static LocalRegistry tls() {
        return plain().withTls();
    }

    /** @return a registry on plain HTTP with htpasswd Basic auth for {@link #username()}; see {@link #withTls()} */
    public static LocalRegistry htpasswd() {
        return new LocalRegistry(RegistryOptions.of(RegistryOptions.Auth.HTPASSWD));
    }

    /**
     * @return a registry on plain HTTP with bearer token auth; the fixture's token endpoint grants every requested
     *     scope to {@link #username()} and nothing to anonymous clients (see {@link #withAnonymousPull()})
     */
    public static LocalRegistry token() {
        return new LocalRegistry(RegistryOptions.of(RegistryOptions.Auth.TOKEN));
    }

    /** @return this variant on HTTPS; a token endpoint is then HTTPS too, with the same certificate */
    public LocalRegistry withTls() {
        return new LocalRegistry(options.withTls());
    }

    /** @return this token variant, whose token endpoint also grants {@code pull} to anonymous clients */
    public LocalRegistry withAnonymousPull() {
        if (options.auth() != RegistryOptions.Auth.TOKEN) {
            throw new IllegalStateException("Anonymous pull is only for the token variant");
        }
        return new LocalRegistry(options.withAnonymousPull());
    }

    /** @return this variant run from {@code binary} instead of the installed {@code docker-registry} */
    LocalRegistry withBinary(Path binary) {
        return new LocalRegistry(options.withBinary(binary));
    }

    /** @return this variant taking each start attempt's port from {@code ports} (to provoke port collisions) */
    LocalRegistry withPorts(IntSupplier ports) {
        return new LocalRegistry(options.withPorts(ports));
    }

    @Override
    protected void before() throws Throwable {
        run = RegistryRun.start(options, USERNAME, PASSWORD);
    }

    @Override
    protected void after() {
        RegistryRun finished = run;
        run = null;
        if (finished != null) {
            finished.close();
        }
    }

    /** @return {@code http://127.0.0.1:<port>} or {@code https://127.0.0.1:<port>}, without a trailing slash */
    public URI baseUri() {
        return running().baseUri();
    }

    /** @return {@code 127.0.0.1:<port>}, the registry part of an image reference */
    public String hostAndPort() {
        return "127.0.0.1:" + running().port();
    }

    /**
     * @param repository e.g. {@code demo/app}
     * @param reference a tag, or a digest {@code sha256:<64 hex>}
     * @return a pull spec such as {@code 127.0.0.1:<port>/demo/app:v1} or {@code 127.0.0.1:<port>/demo/app@sha256:…}
     */
    public String imageReference(String repository, String reference) {
        return hostAndPort() + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    /** @return whether the registry speaks HTTPS */
    public boolean isTls() {
        return options.tls();
    }

    /** @return the user that the htpasswd file and the token endpoint accept */
    public String username() {
        return USERNAME;
    }

    /** @return that user's password */
    public String password() {
        return PASSWORD;
    }

    /** @return the CA of a TLS variant; throws for a plain-HTTP variant */
    public TestCertificateAuthority certificateAuthority() {
        return running()
                .certificateAuthority()
                .orElseThrow(() -> new IllegalStateException("This registry variant does not use TLS"));
    }

    /** @return the CA certificate of a TLS variant */
    public X509Certificate caCertificate() {
        return certificateAuthority().certificate();
    }

    /** @return a PEM file with the CA certificate of a TLS variant */
    public Path caCertificatePem() {
        return certificateAuthority().certificatePem();
    }

    /** @return a client {@link SSLContext} that trusts only this registry's CA (TLS variants) */
    public SSLContext sslContext() {
        return certificateAuthority().sslContext();
    }

    /** @return an HTTP/1.1 client without credentials that trusts this registry's CA if it has one */
    public HttpClient httpClient() {
        return running().httpClient();
    }

    /** @return the token endpoint, {@code http(s)://127.0.0.1:<port>/token}; throws unless the token variant */
    public URI tokenRealm() {
        return tokenServer().realm();
    }

    /** @return token requests made since start or the last reset, not counting the fixture's own */
    public int tokenRequestCount() {
        return tokenServer().requestCount();
    }

    /** @return such token requests that asked for {@code scope}, e.g. {@code repository:demo/app:pull} */
    public int tokenRequestCount(String scope) {
        return tokenServer().requestCount(scope);
    }

    /** Sets the token request counts back to zero. */
    public void resetTokenRequestCount() {
        tokenServer().resetRequestCounts();
    }

    /** @return what the registry process wrote to stdout and stderr so far (log level warn) */
    public String registryLog() {
        return running().log();
    }

    /**
     * Pushes a new, distinct linux/amd64 image (a fresh config blob plus a shared layer) under {@code tag}.
     *
     * @param repository e.g. {@code demo/app}
     * @param tag e.g. {@code v1}
     * @return the manifest digest, {@code sha256:<64 hex>}, computed from the exact bytes PUT
     */
    public String pushImage(String repository, String tag, ManifestFormat format)
            throws IOException, InterruptedException {
        return running().pusher().pushImage(repository, tag, format);
    }

    /**
     * Pushes one distinct child image per platform, then an index or manifest list of them under {@code tag}.
     *
     * @param platforms {@code os/arch[/variant]}, e.g. {@code linux/amd64}, {@code linux/arm64/v8}
     * @return the index digest and each child's digest
     */
    public PushedIndex pushIndex(String repository, String tag, IndexFormat format, String... platforms)
            throws IOException, InterruptedException {
        return running().pusher().pushIndex(repository, tag, format, platforms);
    }

    /**
     * Moves {@code tag} by pushing a new, distinct image under it.
     *
     * @return the new digest, {@code sha256:<64 hex>}
     */
    public String moveTag(String repository, String tag, ManifestFormat format)
            throws IOException, InterruptedException {
        return running().pusher().pushImage(repository, tag, format);
    }

    /**
     * Deletes the manifest that {@code tag} points to, by digest; every tag on that manifest goes with it.
     *
     * @return the deleted digest, {@code sha256:<64 hex>}
     */
    public String deleteTag(String repository, String tag) throws IOException, InterruptedException {
        return running().pusher().deleteTag(repository, tag);
    }

    /**
     * Reads {@code Docker-Content-Digest} from a HEAD with the four-type {@link #MANIFEST_ACCEPT}.
     *
     * @param reference a tag or a digest
     * @return the digest, {@code sha256:<64 hex>}, or empty if the registry answers 404
     */
    public Optional<String> headDigest(String repository, String reference) throws IOException, InterruptedException {
        return running().pusher().headDigest(repository, reference);
    }

    /** @return the response to an authenticated HEAD of the manifest with the four-type Accept */
    public HttpResponse<byte[]> headManifest(String repository, String reference)
            throws IOException, InterruptedException {
        return running().pusher().headManifest(repository, reference);
    }

    /** @return the registry's process id, for tests of the rule itself */
    long pid() {
        return running().pid();
    }

    /** @return the temp directory with config, certificates and storage, for tests of the rule itself */
    Path directory() {
        return running().directory();
    }

    private TokenServer tokenServer() {
        return running().tokenServer().orElseThrow(() -> new IllegalStateException("Not the token variant"));
    }

    private RegistryRun running() {
        if (run == null) {
            throw new IllegalStateException("The registry runs only inside a test that uses this rule");
        }
        return run;
    }
}
