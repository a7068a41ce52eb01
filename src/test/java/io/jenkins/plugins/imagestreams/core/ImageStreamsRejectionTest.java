package io.jenkins.plugins.imagestreams.core;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.Before;
import org.junit.Test;

/** Every rejected operation names the field and the rule, and changes no state. */
public class ImageStreamsRejectionTest {
    private final StreamFixture fixture = new StreamFixture();
    private final ImageStreams service = fixture.service;

    @Before
    public void defineStreams() {
        fixture.define(ImageStream.of(
                "app",
                List.of(
                        registryTag("3.6", "registry.example.com/team/app:3.6"),
                        TagReference.of("latest", new TagSource.Alias("3.6")),
                        TagReference.of("copy", new TagSource.StreamTag("app", "3.6")),
                        registryTag("pinned", "registry.example.com/team/app@" + digest(3)))));
        fixture.imported("app", "3.6", digest(1));
        service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "dyn", true, "ci"));
    }

    private void assertRejected(final ThrowingCallable call, final String field, final String rule) {
        ImageStreamStatus before = service.status("app");
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getRule()).contains(rule);
        });
        assertThat(service.status("app")).isSameAs(before);
        assertThat(fixture.store.load("app")).contains(before);
    }

    @Test
    public void shouldRejectUnknownStream() {
        assertRejected(() -> service.current("nope", "x"), "stream", "defined ImageStream");
        assertRejected(
                () -> service.rollback("nope", "x", RollbackTarget.parse("previous"), "u"),
                "stream",
                "defined ImageStream");
    }

    @Test
    public void shouldRejectInvalidNames() {
        assertRejected(() -> service.current("App", "x"), "stream", "lower case");
        assertRejected(() -> service.current("app", ".x"), "tag", "must start with");
        assertRejected(() -> service.history("app", ""), "tag", "must not be empty");
    }

    @Test
    public void shouldRejectRollbackOfAliasesAndEmptyHistories() {
        assertRejected(
                () -> service.rollback("app", "latest", RollbackTarget.parse("previous"), "u"),
                "tag",
                "alias defined in the configuration");
        assertRejected(
                () -> service.rollback("app", "dyn", RollbackTarget.parse("previous"), "u"),
                "tag",
                "must not be an alias");
        assertRejected(
                () -> service.rollback("app", "none", RollbackTarget.parse("1"), "u"), "tag", "must have a history");
        assertRejected(
                () -> service.rollback("app", "3.6", RollbackTarget.parse("5"), "u"), "to", "must select an entry");
        assertRejected(
                () -> service.rollback(
                        "app", "3.6", RollbackTarget.parse(digest(9).toString()), "u"),
                "to",
                "must select an entry");
    }

    @Test
    public void shouldRejectBadRollbackTargets() {
        assertThatThrownBy(() -> RollbackTarget.parse("0")).hasMessageContaining("to: must be 'previous'");
        assertThatThrownBy(() -> RollbackTarget.parse("-1")).hasMessageContaining("to: must be 'previous'");
        assertThatThrownBy(() -> RollbackTarget.parse("back")).hasMessageContaining("to: must be 'previous'");
        assertThatThrownBy(() -> RollbackTarget.parse("sha256:abc")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RollbackTarget.Nth(0)).hasMessageContaining("to: must be at least 1");
    }

    @Test
    public void shouldRejectBadTagRequests() {
        assertRejected(
                () -> service.tag(new TagRequest(TagRequest.parseSource("app:missing"), "app", "t", false, "u")),
                "source",
                "must have a digest");
        assertRejected(
                () -> service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "latest", false, "u")),
                "tag",
                "alias defined in the configuration");
        assertRejected(
                () -> service.tag(new TagRequest(TagRequest.parseSource("app:3.6"), "app", "copy", true, "u")),
                "tag",
                "must not be defined in the configuration");
        assertRejected(
                () -> service.tag(new TagRequest(TagRequest.parseSource("app:ghost"), "app", "t", true, "u")),
                "source",
                "existing tag");
        service.tag(new TagRequest(TagRequest.parseSource("app:dyn"), "app", "dyn2", true, "u"));
        assertRejected(
                () -> service.tag(new TagRequest(TagRequest.parseSource("app:dyn2"), "app", "dyn", true, "u")),
                "source",
                "alias cycle");
    }

    @Test
    public void shouldRejectMalformedTagRequests() {
        assertThatThrownBy(() -> TagRequest.parseSource("")).hasMessageContaining("source: must not be empty");
        assertThatThrownBy(() -> TagRequest.parseSource("app")).hasMessageContaining("source: must be <stream>:<tag>");
        assertThatThrownBy(() -> TagRequest.parseSource("App:x")).hasMessageContaining("from.stream");
        assertThatThrownBy(() -> TagRequest.parseSource("app@sha256:12")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new TagRequest(TagRequest.parseSource("other:x"), "app", "t", true, "u"))
                .hasMessageContaining("aliases never cross streams");
        assertThatThrownBy(() -> new TagRequest(TagRequest.parseSource("app:t"), "app", "t", false, "u"))
                .hasMessageContaining("must differ from the target tag");
        assertThatThrownBy(() ->
                        new TagRequest(new TagSource.StreamImage(Optional.empty(), digest(1)), "app", "t", false, "u"))
                .hasMessageContaining("must name its stream");
        assertThatThrownBy(() -> new TagRequest(TagSource.RegistryImage.parse("busybox"), "app", "t", false, "u"))
                .hasMessageContaining("source: must be a stream tag");
    }

    @Test
    public void shouldRejectPushWithoutDigestAndOnAliases() {
        assertRejected(
                () -> service.recordPush("app", "x", ImageReference.parse("r.example.com/app:1"), Map.of(), "u"),
                "image",
                "must carry a digest");
        assertRejected(
                () -> service.recordPush(
                        "app", "latest", ImageReference.parse("r.example.com/app@" + digest(2)), Map.of(), "u"),
                "tag",
                "alias");
    }

    @Test
    public void shouldRejectDeletingSpecOrUnknownTags() {
        assertRejected(() -> service.deleteTag("app", "3.6"), "tag", "remove it there");
        assertRejected(() -> service.deleteTag("app", "ghost"), "tag", "existing tag");
    }

    @Test
    public void shouldRejectImportsOfNonRegistryTags() {
        assertRejected(() -> service.requestImport("app", "copy"), "tag", "must import from a registry");
        assertRejected(() -> service.requestImport("app", "undefined"), "tag", "must be defined in the configuration");
        // a registry image given by digest is never imported: the importer skips it, so a request would pend forever
        assertRejected(() -> service.requestImport("app", "pinned"), "tag", "must import a registry image by tag");
    }
}
