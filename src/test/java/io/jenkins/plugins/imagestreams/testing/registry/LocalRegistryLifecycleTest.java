package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
}
