package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Everything one {@link LocalRegistry} test started: temp dir, CA, token endpoint, registry process, clients. */
final class RegistryRun implements AutoCloseable {

    private static final int MAX_START_ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    /** bcrypt cost; the registry checks the hash on every request, so keep it at the cheap end (minimum 4). */
    private static final int BCRYPT_COST = 5;

    private final RegistryOptions options;
    private final Path dir;
    private final String instanceId = UUID.randomUUID().toString();
    private TestCertificateAuthority ca;
    private TokenServer tokenServer;
    private RegistryProcess process;
    private HttpClient httpClient;
    private URI baseUri;
    private RegistryPusher pusher;

    private RegistryRun(RegistryOptions options, Path dir) {
        this.options = options;
        this.dir = dir;
    }

    /**
     * Starts a registry for {@code options}; on any failure everything started so far is stopped and deleted.
     *
     * @throws IllegalStateException if the binary is missing (with the install command)
     * @throws RegistryStartException if the registry did not become ready
     */
    static RegistryRun start(RegistryOptions options, String username, String password)
            throws IOException, InterruptedException {
        Path binary = options.resolveBinary();
        RegistryRun run = new RegistryRun(options, Files.createTempDirectory("imagestreams-registry-"));
        try {
            run.startAll(binary, username, password);
            return run;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            run.close();
            throw e;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    int port() {
        return baseUri.getPort();
    }

    Optional<TestCertificateAuthority> certificateAuthority() {
        return Optional.ofNullable(ca);
    }

    Optional<TokenServer> tokenServer() {
        return Optional.ofNullable(tokenServer);
    }

    HttpClient httpClient() {
        return httpClient;
    }

    RegistryPusher pusher() {
        return pusher;
    }

    String log() {
        return process.log();
    }

    Path directory() {
        return dir;
    }

    long pid() {
        return process.pid();
    }

    private void startAll(Path binary, String username, String password) throws IOException, InterruptedException {
        HttpClient.Builder client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        RegistryConfig config = new RegistryConfig(dir.resolve("data"), instanceId);
        if (options.tls()) {
            ca = TestCertificateAuthority.create(dir.resolve("tls"));
            client.sslContext(ca.sslContext());
            config.tls(ca.serverCertificatePem(), ca.serverKeyPem());
        }
        httpClient = client.build();
        if (options.auth() == RegistryOptions.Auth.HTPASSWD) {
            config.htpasswd(writeHtpasswd(username, password));
        } else if (options.auth() == RegistryOptions.Auth.TOKEN) {
            TokenSigner signer = TokenSigner.create(dir.resolve("token"));
            tokenServer = TokenServer.start(
                    signer, username, password, options.anonymousPull(), ca == null ? null : ca.serverSslContext());
            config.token(tokenServer.realm(), signer.rootCertificateBundle());
        }
        process = launch(binary, config);
        boolean authenticates = options.auth() != RegistryOptions.Auth.NONE;
        pusher = new RegistryPusher(new RegistryHttp(
                baseUri,
                httpClient,
                authenticates ? username : null,
                password,
                options.auth() == RegistryOptions.Auth.HTPASSWD));
    }

    private RegistryProcess launch(Path binary, RegistryConfig config) throws IOException, InterruptedException {
        String scheme = options.tls() ? "https" : "http";
        for (int attempt = 1; ; attempt++) {
            int port = options.ports() == null
                    ? freeLoopbackPort()
                    : options.ports().getAsInt();
            baseUri = URI.create(scheme + "://127.0.0.1:" + port);
            Path file = config.write(dir.resolve("config.yml"), port);
            try {
                return RegistryProcess.start(
                        binary, file, dir.resolve("registry.log"), baseUri, httpClient, instanceId, READY_TIMEOUT);
            } catch (RegistryStartException e) {
                if (!e.isPortInUse() || attempt == MAX_START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Path writeHtpasswd(String username, String password) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, BCRYPT_COST);
        Path file = Files.createDirectories(dir.resolve("auth")).resolve("htpasswd");
        return Files.writeString(file, username + ":" + hash + "\n", StandardCharsets.UTF_8);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Stops the process and the token endpoint, then deletes the temp dir; throws only if the process lingers. */
    @Override
    public void close() {
        IllegalStateException failure = null;
        try {
            if (process != null) {
                process.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("Interrupted while stopping docker-registry", e);
        } catch (IllegalStateException e) {
            failure = e;
        }
        if (tokenServer != null) {
            tokenServer.close();
        }
        deleteRecursively(dir);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(RegistryRun::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("LocalRegistry: could not delete " + root + ": " + e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("LocalRegistry: could not delete " + path + ": " + e);
        }
    }
}
