package io.jenkins.plugins.imagestreams.core;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.store.InMemoryStatusStore;
import io.jenkins.plugins.imagestreams.core.store.StatusStore;
import io.jenkins.plugins.imagestreams.core.store.StatusStoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Before;
import org.junit.Test;

/** Tag, alias, recordPush and delete operations as a step or the UI calls them. */
public class ImageStreamsOperationsTest {
    private final AtomicBoolean storeFails = new AtomicBoolean();
    private final InMemoryStatusStore memory = new InMemoryStatusStore();
    private final StreamFixture fixture = new StreamFixture(new StatusStore() {
        @Override
        public Optional<ImageStreamStatus> load(final String stream) {
            return memory.load(stream);
        }

        @Override
        public void save(final ImageStreamStatus status) {
            if (storeFails.get()) {
                throw new StatusStoreException("disk full", new java.io.IOException("No space left on device"));
            }
            memory.save(status);
        }

        @Override
        public Set<String> streams() {
            return memory.streams();
        }
    });
    private final ImageStreams service = fixture.service;

    @Before
    public void defineStreams() {
        fixture.define(ImageStream.of(
                "app",
                List.of(
                        registryTag("3.6", "registry.example.com/team/app:3.6"),
                        TagReference.of("latest", new TagSource.Alias("3.6")))));
        fixture.imported("app", "3.6", digest(1));
    }

    @Test
    public void shouldRecordPushAsNewStatusOnlyTag() {
        ImageReference pushed = ImageReference.parse("registry.example.com/team/app@" + digest(7));

        TagResult result = service.recordPush("app", "pr-42", pushed, Map.of(), "jenkins-build");

        assertThat(result.changed()).isTrue();
        assertThat(result.pullSpec()).isEqualTo("registry.example.com/team/app@" + digest(7));
        TagEvent event = service.current("app", "pr-42").orElseThrow();
        assertThat(event.cause()).isEqualTo(TagEventCause.RECORD_PUSH);
        assertThat(event.user()).isEqualTo("jenkins-build");
        assertThat(service.recordPush("app", "pr-42", pushed, Map.of(), "jenkins-build")
                        .changed())
                .isFalse();
    }

    @Test
    public void shouldMakeAliasThatFollowsTarget() {
        service.recordPush(
                "app", "edge", ImageReference.parse("registry.example.com/team/app@" + digest(3)), Map.of(), "ci");

        TagResult result = service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "edge", true, "ci"));

        assertThat(result.digest()).contains(digest(1));
        fixture.imported("app", "3.6", digest(2));
        assertThat(service.current("app", "edge").orElseThrow().digest()).isEqualTo(digest(2));
        assertThat(service.status("app").archived())
                .singleElement()
                .satisfies(h -> assertThat(h.tag()).isEqualTo("edge"));
        assertThat(service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "edge", true, "ci"))
                        .changed())
                .isFalse();
    }

    @Test
    public void shouldTurnAliasBackIntoCopy() {
        service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "edge", true, "ci"));

        TagResult copy = service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "edge", false, "ci"));
        fixture.imported("app", "3.6", digest(2));

        assertThat(copy.changed()).isTrue();
        assertThat(service.current("app", "edge").orElseThrow().digest()).isEqualTo(digest(1));
    }

    @Test
    public void shouldCopyStreamImageByDigest() {
        fixture.define(ImageStream.of("prod", List.of()));

        service.tag(new TagRequest(TagRequest.parseSource("app@" + digest(1)), "prod", "v1", false, "erin"));

        assertThat(service.current("prod", "v1").orElseThrow().pullSpec())
                .isEqualTo("registry.example.com/team/app@" + digest(1));
    }

    @Test
    public void shouldDeleteStatusOnlyTagIntoArchive() {
        service.recordPush("app", "tmp", ImageReference.parse("r.example.com/app@" + digest(4)), Map.of(), "ci");

        TagResult result = service.deleteTag("app", "tmp");

        assertThat(result.previousDigest()).contains(digest(4));
        assertThat(result.digest()).isEmpty();
        assertThat(service.current("app", "tmp")).isEmpty();
        assertThat(service.status("app").archived()).extracting(h -> h.tag()).containsExactly("tmp");
    }

    @Test
    public void shouldRejectDeletingAliasTarget() {
        service.recordPush("app", "base", ImageReference.parse("r.example.com/app@" + digest(4)), Map.of(), "ci");
        service.tag(new TagRequest(TagRequest.parseSource("app:base"), "app", "edge", true, "ci"));
        ImageStreamStatus before = service.status("app");

        assertThatThrownBy(() -> service.deleteTag("app", "base"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("target of alias 'edge'");
        assertThat(service.status("app")).isSameAs(before);
    }

    @Test
    public void shouldLeaveStatusUnchangedWhenStoreFails() {
        ImageStreamStatus before = service.status("app");
        storeFails.set(true);

        assertThatThrownBy(() -> fixture.imported("app", "3.6", digest(2))).isInstanceOf(StatusStoreException.class);

        assertThat(service.status("app")).isSameAs(before);
        assertThat(service.current("app", "3.6").orElseThrow().digest()).isEqualTo(digest(1));
        storeFails.set(false);
        assertThat(fixture.imported("app", "3.6", digest(2)).changed()).isTrue();
    }

    @Test
    public void shouldReturnPlainMapForSteps() {
        fixture.imported("app", "3.6", digest(2));

        Map<String, Object> map = service.rollback("app", "3.6", RollbackTarget.parse("previous"), "x")
                .toMap();

        assertThat(map)
                .containsEntry("stream", "app")
                .containsEntry("tag", "3.6")
                .containsEntry("previousDigest", digest(2).toString())
                .containsEntry("digest", digest(1).toString())
                .containsEntry("pullSpec", "registry.example.com/team/app@" + digest(1))
                .containsEntry("changed", true);
        assertThat(map.values()).allMatch(v -> v instanceof String || v instanceof Boolean);
    }

    @Test
    public void shouldReloadStatusFromStoreInNewService() {
        ImageStreams restarted = new ImageStreams(
                () -> List.copyOf(fixture.specs), fixture.store, fixture.clock, ImageStreams.ProtectedDigests.NONE);

        assertThat(restarted.current("app", "latest").orElseThrow().digest()).isEqualTo(digest(1));
    }
}
