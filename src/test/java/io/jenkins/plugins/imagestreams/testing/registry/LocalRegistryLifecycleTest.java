package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.Test;

public class LocalRegistryLifecycleTest {

    @Test
    public void shouldFailWithInstallHintWhenBinaryIsMissing() {
        AtomicBoolean ran = new AtomicBoolean();
        LocalRegistry rule = LocalRegistry.plain().withBinary(Path.of("/nonexistent/bin/docker-registry"));

        assertThatThrownBy(() -> RuleHarness.runInside(rule, registry -> ran.set(true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/bin/docker-registry")
                .hasMessageContaining("apt-get install -y docker-registry");
        assertThat(ran).isFalse();
    }

    @Test
    public void shouldFailWithRegistryExitCodeWhenBinaryExitsAtOnce() {
        LocalRegistry rule = LocalRegistry.plain().withBinary(Path.of("/bin/false"));

        assertThatThrownBy(() -> RuleHarness.runInside(rule, registry -> {}))
                .isInstanceOf(RegistryStartException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("docker-registry log");
    }

    @Test
    public void shouldStopProcessAndDeleteDirectoryAfterTest() throws Throwable {
        AtomicLong pid = new AtomicLong();
        AtomicReference<Path> dir = new AtomicReference<>();

        RuleHarness.runInside(LocalRegistry.plain(), registry -> {
            pid.set(registry.pid());
            dir.set(registry.directory());
            assertThat(ProcessHandle.of(registry.pid()).map(ProcessHandle::isAlive))
                    .contains(true);
        });

        assertThat(ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Files.exists(dir.get())).isFalse();
    }

    @Test
    public void shouldStopProcessAndDeleteDirectoryWhenTestFails() {
        AtomicLong pid = new AtomicLong();
        AtomicReference<Path> dir = new AtomicReference<>();

        assertThatThrownBy(() -> RuleHarness.runInside(LocalRegistry.tls(), registry -> {
                    pid.set(registry.pid());
                    dir.set(registry.directory());
                    throw new AssertionError("test body failed");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("test body failed");
        assertThat(ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Files.exists(dir.get())).isFalse();
    }

    @Test
    public void shouldRefuseAccessOutsideATest() {
        LocalRegistry idle = LocalRegistry.plain();

        assertThatThrownBy(idle::baseUri)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only inside a test");
    }

    @Test
    public void shouldRetryOnAnotherPortWhenThePortIsTaken() throws Throwable {
        RuleHarness.runInside(LocalRegistry.plain(), first -> {
            int taken = first.baseUri().getPort();
            AtomicInteger attempts = new AtomicInteger();
            IntSupplier takenThenFree = () -> attempts.getAndIncrement() == 0 ? taken : freePort();

            RuleHarness.runInside(LocalRegistry.plain().withPorts(takenThenFree), second -> {
                second.pushImage("only/second", "v1", ManifestFormat.OCI_MANIFEST);

                assertThat(second.baseUri().getPort()).isNotEqualTo(taken);
                assertThat(first.headDigest("only/second", "v1")).isEmpty();
            });
            assertThat(attempts).hasValue(2);
        });
    }

    @Test
    public void shouldGiveUpAfterFewAttemptsWhenEveryPortIsTaken() throws Throwable {
        RuleHarness.runInside(LocalRegistry.plain(), first -> {
            int taken = first.baseUri().getPort();
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> RuleHarness.runInside(
                            LocalRegistry.plain().withPorts(() -> {
                                attempts.incrementAndGet();
                                return taken;
                            }),
                            second -> {}))
                    .isInstanceOfSatisfying(
                            RegistryStartException.class,
                            e -> assertThat(e.isPortInUse()).isTrue());
            assertThat(attempts).hasValue(5);
            assertThat(first.headDigest("any/repo", "v1")).isEmpty();
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
