package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** Tag listing against the real registry, paginated with {@code Link: rel="next"} by the proxy. */
public class TagListingTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.plain();

    private static final List<String> TAGS =
            IntStream.range(0, 10).mapToObj(i -> "v" + i).sorted().toList();

    private FaultProxy proxy;

    @BeforeClass
    public static void push() throws Exception {
        for (String tag : TAGS) {
            registry.pushImage("list/app", tag, ManifestFormat.OCI_MANIFEST);
        }
    }

    @Before
    public void startProxy() throws Exception {
        proxy = FaultProxy.start(registry).paginateTags(3);
    }

    @After
    public void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    public void shouldFollowNextLinksAcrossPages() throws Exception {
        TagList tags = list(10);

        assertThat(tags.tags()).containsExactlyElementsOf(TAGS);
        assertThat(tags.truncated()).isFalse();
        assertThat(proxy.count("GET", "tags")).isEqualTo(4);
    }

    @Test
    public void shouldStopAtPageCap() throws Exception {
        TagList tags = list(2);

        assertThat(tags.tags()).containsExactlyElementsOf(TAGS.subList(0, 6));
        assertThat(tags.truncated()).isTrue();
        assertThat(proxy.count("GET", "tags")).isEqualTo(2);
    }

    @Test
    public void shouldListUnpaginatedRegistryInOnePage() throws Exception {
        TagList tags = new JibRegistryClient(r -> ResolveContract.transport(registry), java.time.Clock.systemUTC())
                .listTags(
                        ImageReference.parse(registry.imageReference("list/app", "any")),
                        RegistryCredentials.anonymous(),
                        ResolveOptions.DEFAULT);

        assertThat(tags.tags()).containsExactlyElementsOf(TAGS);
        assertThat(tags.truncated()).isFalse();
    }

    @Test
    public void shouldReportUnknownRepositoryAsNotFound() {
        assertThatThrownBy(() -> new FaultProxyHarness(proxy, RegistryCredentials.anonymous())
                        .client()
                        .listTags(
                                ImageReference.parse(proxy.imageReference("no/such", "x")),
                                RegistryCredentials.anonymous(),
                                ResolveOptions.DEFAULT))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).reason()).isEqualTo(ConditionReason.NotFound))
                .hasMessageContaining("NAME_UNKNOWN");
    }

    private TagList list(int maxPages) throws RegistryException {
        return new FaultProxyHarness(proxy, RegistryCredentials.anonymous())
                .client()
                .listTags(
                        ImageReference.parse(proxy.imageReference("list/app", "any")),
                        RegistryCredentials.anonymous(),
                        new ResolveOptions(Optional.empty(), false, Duration.ofSeconds(10), maxPages));
    }
}
