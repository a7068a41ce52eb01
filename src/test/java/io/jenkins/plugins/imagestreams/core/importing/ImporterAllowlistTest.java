package io.jenkins.plugins.imagestreams.core.importing;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;

/** The allowlist in force is checked before every import: a source outside it never reaches the registry. */
public class ImporterAllowlistTest {
    private static final String APP = "registry.example.com/team/app:1";
    private static final String DEV = "dev.corp.example:5000/team/app:dev";

    private final ImporterFixture fixture = new ImporterFixture();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicReference<RegistryAllowlist> allowlist =
            new AtomicReference<>(RegistryAllowlist.of(List.of("registry.example.com")));
    private final List<ResolveOptions> options = new CopyOnWriteArrayList<>();

    @After
    public void stop() {
        executor.shutdownNow();
        fixture.close();
    }

    /** The fixture's counting registry, remembering the options of every resolve. */
    private RegistryClient recording() {
        return new RegistryClient() {
            @Override
            public ResolvedImage resolve(
                    final ImageReference reference,
                    final RegistryCredentials credentials,
                    final ResolveOptions resolveOptions)
                    throws RegistryException {
                options.add(resolveOptions);
                return fixture.registry.resolve(reference, credentials, resolveOptions);
            }

            @Override
            public TagList listTags(
                    final ImageReference repository,
                    final RegistryCredentials credentials,
                    final ResolveOptions resolveOptions)
                    throws RegistryException {
                return fixture.registry.listTags(repository, credentials, resolveOptions);
            }
        };
    }

    private Importer importer() {
        return new Importer(
                fixture.streams.service,
                () -> List.copyOf(fixture.streams.specs),
                recording(),
                CredentialsResolver.NONE,
                ImportSettings.DEFAULT.withCaps(ImporterFixture.LIFTED).withAllowlist(allowlist::get),
                fixture.streams.clock,
                fixture.streams.clock::advance);
    }

    /** Runs one cycle over a stream with one insecure tag, {@code dev.corp.example:5000/team/app:dev}. */
    private void importInsecureTag(final RegistryAllowlist inForce) throws InterruptedException {
        fixture.registry.put(DEV, digest(3));
        TagReference tag = new TagReference(
                "dev",
                TagSource.RegistryImage.parse(DEV),
                new ImportPolicy(true, true, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.empty()));
        fixture.streams.define(ImageStream.of("dev", List.of(tag)));
        allowlist.set(inForce);
        importer().runCycle(executor);
    }

    @Test
    public void shouldRefuseSourceOutsideCurrentAllowlistWithoutRequestOrMove() throws InterruptedException {
        fixture.registry.put(APP, digest(1));
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));
        Importer importer = importer();
        importer.runCycle(executor);
        assertThat(fixture.streams.service.current("app", "1").map(TagEvent::digest))
                .contains(digest(1));

        fixture.registry.put(APP, digest(2));
        fixture.streams.service.requestImport("app", "1");
        allowlist.set(RegistryAllowlist.of(List.of("quay.io")));
        fixture.registry.reset();
        CycleReport report = importer.runCycle(executor);

        assertThat(fixture.registry.resolveCount()).isZero();
        assertThat(report.requests()).isZero();
        assertThat(fixture.streams.service.current("app", "1").map(TagEvent::digest))
                .contains(digest(1));
        TagHistory status = fixture.streams.service.tagStatus("app", "1").orElseThrow();
        TagCondition condition = status.condition().orElseThrow();
        assertThat(condition.status()).isFalse();
        assertThat(condition.reason()).contains(ConditionReason.Unauthorized);
        assertThat(condition.message())
                .isEqualTo("registry.example.com: " + ImageReference.parse(APP)
                        + " is not allowed: the source must name a registry on the allowlist [quay.io];"
                        + " no request was sent");
        assertThat(status.importPending()).as("the refused request is observed").isFalse();
    }

    @Test
    public void shouldImportOnceTheAllowlistNamesTheRegistryAfterTheBackoff() throws InterruptedException {
        fixture.registry.put(APP, digest(1));
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));
        allowlist.set(RegistryAllowlist.of(List.of("quay.io")));
        Importer importer = importer();
        importer.runCycle(executor);
        assertThat(fixture.registry.resolveCount()).isZero();

        allowlist.set(RegistryAllowlist.of(List.of("*.example.com")));
        fixture.streams.clock.advance(SchedulerPolicy.DEFAULT.backoff(1));
        importer.runCycle(executor);

        assertThat(fixture.registry.resolveCount()).isOne();
        assertThat(fixture.streams.service.current("app", "1").map(TagEvent::digest))
                .contains(digest(1));
    }

    @Test
    public void shouldAllowInsecureForWildcardEntries() throws InterruptedException {
        importInsecureTag(RegistryAllowlist.of(List.of("*.corp.example")));

        assertThat(options)
                .singleElement()
                .satisfies(o -> assertThat(o.insecure()).isTrue());
        assertThat(fixture.streams.service.current("dev", "dev").map(TagEvent::digest))
                .contains(digest(3));
    }

    @Test
    public void shouldRefuseInsecureTagWhenTheAllowlistIsEmpty() throws InterruptedException {
        importInsecureTag(RegistryAllowlist.allowAll());

        assertThat(options).isEmpty();
        assertThat(fixture.streams.service.tagStatus("dev", "dev").flatMap(TagHistory::condition))
                .hasValueSatisfying(c -> assertThat(c.message())
                        .contains("is not allowed: the source must name a registry on the allowlist to be insecure"));
    }

    @Test
    public void shouldSendSecureRequestForSecureTagOnListedRegistry() throws InterruptedException {
        fixture.registry.put(APP, digest(4));
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));

        importer().runCycle(executor);

        assertThat(options)
                .singleElement()
                .satisfies(o -> assertThat(o.insecure()).isFalse());
        assertThat(fixture.streams.service.current("app", "1").map(TagEvent::digest))
                .contains(digest(4));
    }
}
