package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * What a {@link LocalRegistry} variant runs: its auth, whether it speaks TLS, anonymous pull for tokens, an
 * explicit binary ({@code null}: the installed {@code docker-registry}) and where ports come from ({@code null}: a
 * free loopback port for each start attempt).
 */
record RegistryOptions(Auth auth, boolean tls, boolean anonymousPull, Path binary, IntSupplier ports) {

    /** The Debian package's binary. */
    static final Path DEFAULT_BINARY = Path.of("/usr/bin/docker-registry");

    /** How clients authenticate. */
    enum Auth {
        NONE,
        HTPASSWD,
        TOKEN
    }

    /** @return options for {@code auth} on plain HTTP, with the installed binary and free ports */
    static RegistryOptions of(Auth auth) {
        return new RegistryOptions(auth, false, false, null, null);
    }

    RegistryOptions withTls() {
        return new RegistryOptions(auth, true, anonymousPull, binary, ports);
    }

    RegistryOptions withAnonymousPull() {
        return new RegistryOptions(auth, tls, true, binary, ports);
    }

    RegistryOptions withBinary(Path explicitBinary) {
        return new RegistryOptions(auth, tls, anonymousPull, explicitBinary, ports);
    }

    RegistryOptions withPorts(IntSupplier portSupplier) {
        return new RegistryOptions(auth, tls, anonymousPull, binary, portSupplier);
    }

    /**
     * @return the explicit binary, or {@code /usr/bin/docker-registry}, or {@code docker-registry} on the PATH
     * @throws IllegalStateException if that is not an executable file; the message says how to install it
     */
    Path resolveBinary() {
        Optional<Path> found = binary != null
                ? Optional.of(binary).filter(Files::isExecutable)
                : Stream.concat(Stream.of(DEFAULT_BINARY), onPath())
                        .filter(Files::isExecutable)
                        .findFirst();
        return found.orElseThrow(() -> new IllegalStateException("The registry tests need Debian's docker-registry"
                + " (CNCF distribution 2.8.x), but "
                + (binary != null ? binary : DEFAULT_BINARY + " (or docker-registry on the PATH)")
                + " is not an executable file. Install it with: sudo apt-get install -y docker-registry"));
    }

    private static Stream<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            return Stream.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "docker-registry"));
    }
}
