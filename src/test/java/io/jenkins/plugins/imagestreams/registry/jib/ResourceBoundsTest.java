package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.io.File;
import java.time.Clock;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Thousands of resolves in a row through one client do not grow open file descriptors (sockets) or retained heap:
 * the HTTP client is pooled per registry and nothing is kept per call.
 */
public class ResourceBoundsTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.token().withAnonymousPull();

    private static final int RESOLVES = 3000;

    @Test
    public void shouldKeepDescriptorsAndHeapBoundedOverThousandsOfResolves() throws Exception {
        String single = registry.pushImage("bounds/app", "v1", ManifestFormat.OCI_MANIFEST);
        String index = registry.pushIndex("bounds/app", "multi", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64")
                .digest();
        JibRegistryClient client = new JibRegistryClient(r -> ResolveContract.transport(registry), Clock.systemUTC());
        ImageReference v1 = ImageReference.parse(registry.imageReference("bounds/app", "v1"));
        ImageReference multi = ImageReference.parse(registry.imageReference("bounds/app", "multi"));
        for (int i = 0; i < 200; i++) {
            client.resolve(v1, RegistryCredentials.anonymous(), ResolveOptions.DEFAULT);
            client.resolve(multi, RegistryCredentials.anonymous(), ResolveOptions.DEFAULT);
        }
        int descriptorsBefore = openDescriptors();
        long heapBefore = retainedHeap();

        for (int i = 0; i < RESOLVES; i++) {
            assertThat(client.resolve(v1, RegistryCredentials.anonymous(), ResolveOptions.DEFAULT)
                            .digest())
                    .isEqualTo(Digest.parse(single));
            if (i % 10 == 0) {
                assertThat(client.resolve(multi, RegistryCredentials.anonymous(), ResolveOptions.DEFAULT)
                                .digest())
                        .isEqualTo(Digest.parse(index));
            }
        }

        assertThat(openDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 8);
        assertThat(retainedHeap()).isLessThan(heapBefore + 16L * 1024 * 1024);
        assertThat(registry.tokenRequestCount()).isEqualTo(1);
    }

    private static int openDescriptors() {
        String[] entries = new File("/proc/self/fd").list();
        return entries == null ? 0 : entries.length;
    }

    private static long retainedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
