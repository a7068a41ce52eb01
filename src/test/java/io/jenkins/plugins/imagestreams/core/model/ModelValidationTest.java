package io.jenkins.plugins.imagestreams.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** OpenShift's naming rules and the stream-level rules (aliases, intervals, retention), with their messages. */
public class ModelValidationTest {
    private static final Digest DIGEST = Digest.parse("sha256:" + "a".repeat(64));

    @Test
    public void shouldAcceptOpenShiftStreamNames() {
        assertThat(List.of("a", "python", "my-app", "my.app", "my_app", "a1-b2.c3_d4", "0", "x".repeat(253)))
                .allSatisfy(n ->
                        assertThat(Names.requireStreamName("stream name", n)).isEqualTo(n));
    }

    @Test
    public void shouldRejectInvalidStreamNamesNamingTheRule() {
        List<String> invalid = List.of(
                "",
                "App",
                "my app",
                "-app",
                "app-",
                "a--b",
                "a..b",
                "a._b",
                ".app",
                "app.",
                "_app",
                "app_",
                "a/b",
                "a:b",
                "a@b",
                "ümlaut",
                "x".repeat(254),
                "tab\t",
                "new\nline",
                "APP");
        for (String name : invalid) {
            assertThatThrownBy(() -> Names.requireStreamName("stream name", name))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.getField()).isEqualTo("stream name");
                        assertThat(e.getMessage()).startsWith("stream name: must");
                    });
        }
        assertThatThrownBy(() -> Names.requireStreamName("stream name", null))
                .hasMessage("stream name: must not be empty (got null)");
    }

    @Test
    public void shouldAcceptDockerTagNames() {
        assertThat(List.of("latest", "3.6", "_x", "v1.2.3-rc.1", "A_B", "x".repeat(128)))
                .allSatisfy(t -> assertThat(Names.requireTagName("tag", t)).isEqualTo(t));
    }

    @Test
    public void shouldRejectInvalidTagNamesNamingTheRule() {
        List<String> invalid =
                List.of("", ".x", "-x", "a b", "a:b", "a/b", "a@b", "x".repeat(129), "é", "a+b", "a\u0000b", "tag!");
        for (String tag : invalid) {
            assertThatThrownBy(() -> Names.requireTagName("tag", tag))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.getField()).isEqualTo("tag"))
                    .hasMessageStartingWith("tag: must");
        }
    }

    @Test
    public void shouldResolveAliasChainsToTheirEnd() {
        ImageStream stream = ImageStream.of(
                "app",
                List.of(
                        new TagReference(
                                "3.6", TagSource.RegistryImage.parse("quay.io/org/app:3.6"), ImportPolicy.DEFAULT),
                        TagReference.of("3", new TagSource.Alias("3.6")),
                        TagReference.of("latest", new TagSource.Alias("3"))));

        assertThat(stream.resolveAlias("latest")).isEqualTo("3.6");
        assertThat(stream.resolveAlias("3.6")).isEqualTo("3.6");
        assertThat(stream.resolveAlias("unknown")).isEqualTo("unknown");
    }

    @Test
    public void shouldRejectAliasCyclesAndDanglingAliases() {
        assertThatThrownBy(() -> ImageStream.of(
                        "app",
                        List.of(
                                TagReference.of("a", new TagSource.Alias("b")),
                                TagReference.of("b", new TagSource.Alias("a")))))
                .hasMessageContaining("tags.a.from: must not form an alias cycle");
        assertThatThrownBy(() -> ImageStream.of("app", List.of(TagReference.of("a", new TagSource.Alias("a")))))
                .hasMessageContaining("must not form an alias cycle");
        assertThatThrownBy(() -> ImageStream.of("app", List.of(TagReference.of("latest", new TagSource.Alias("3.6")))))
                .hasMessage("tags.latest.from: must be an alias of a tag defined in the same stream (got '3.6')");
        assertThatThrownBy(() ->
                        ImageStream.of("app", List.of(TagReference.of("x", new TagSource.StreamTag("app", "x")))))
                .hasMessageContaining("tags.x.from: must not copy the tag itself");
    }

    @Test
    public void shouldRejectDuplicateTagsAndBadSettings() {
        TagReference tag = TagReference.of("a", new TagSource.StreamTag("other", "b"));
        assertThatThrownBy(() -> ImageStream.of("app", List.of(tag, tag)))
                .hasMessage("tags: must not define a tag twice (got 'a')");
        assertThatThrownBy(() ->
                        new ImageStream("app", "", List.of(), Duration.ofSeconds(9), HistoryRetention.DEFAULT, false))
                .hasMessageStartingWith("importInterval: must be between 10 seconds and 7 days");
        assertThatThrownBy(() ->
                        new ImageStream("app", "", List.of(), Duration.ofDays(8), HistoryRetention.DEFAULT, false))
                .hasMessageStartingWith("importInterval:");
        assertThatThrownBy(() -> new HistoryRetention(0, Duration.ZERO))
                .hasMessage("historyRevisions: must be between 1 and 1000 (got '0')");
        assertThatThrownBy(() -> new HistoryRetention(1001, Duration.ZERO)).hasMessageStartingWith("historyRevisions");
        assertThatThrownBy(() -> new HistoryRetention(3, Duration.ofMinutes(-1)))
                .hasMessageStartingWith("historyMaxAge: must be zero or positive");
    }

    @Test
    public void shouldRejectBadImportPolicies() {
        assertThatThrownBy(() -> new ImportPolicy(
                        true,
                        false,
                        ImportMode.LEGACY,
                        List.of(Platform.parse("linux/amd64"), Platform.parse("linux/x86_64")),
                        Optional.empty()))
                .hasMessageStartingWith("platforms: must not repeat a platform");
        assertThatThrownBy(() -> new ImportPolicy(true, false, ImportMode.LEGACY, List.of(), Optional.of("a b")))
                .hasMessageStartingWith("credentialsId: must be 1 to 256");
        assertThatThrownBy(() -> ImportMode.parse("Sometimes"))
                .hasMessageStartingWith("importMode: must be PreserveOriginal or Legacy");
        assertThat(ImportMode.parse("PreserveOriginal")).isEqualTo(ImportMode.PRESERVE_ORIGINAL);
        assertThat(ImportMode.parse("legacy")).isEqualTo(ImportMode.LEGACY);
        assertThat(ImportMode.LEGACY.wireName()).isEqualTo("Legacy");
    }

    @Test
    public void shouldParseCausesByWireName() {
        for (TagEventCause cause : TagEventCause.values()) {
            assertThat(TagEventCause.parse(cause.wireName())).isEqualTo(cause);
        }
        assertThat(TagEventCause.RECORD_PUSH.wireName()).isEqualTo("recordPush");
        assertThatThrownBy(() -> TagEventCause.parse("POLL")).hasMessageStartingWith("cause: must be one of poll");
    }

    @Test
    public void shouldDescribeSourcesWithOpenShiftKinds() {
        assertThat(TagSource.RegistryImage.parse("python:3.12").kind()).isEqualTo("DockerImage");
        assertThat(TagSource.RegistryImage.parse("python:3.12").needsRegistry()).isTrue();
        assertThat(TagSource.RegistryImage.parse("python@" + DIGEST).needsRegistry())
                .isFalse();
        assertThat(new TagSource.StreamTag("other", "stable").kind()).isEqualTo("ImageStreamTag");
        assertThat(new TagSource.StreamTag("other", "stable")).hasToString("other:stable");
        assertThat(new TagSource.Alias("3.6").kind()).isEqualTo("ImageStreamTag");
        assertThat(new TagSource.StreamImage(Optional.of("other"), DIGEST)).hasToString("other@" + DIGEST);
        assertThat(new TagSource.StreamImage(Optional.empty(), DIGEST).kind()).isEqualTo("ImageStreamImage");
        assertThatThrownBy(() -> new TagSource.StreamTag("Other", "stable")).hasMessageStartingWith("from.stream:");
        assertThatThrownBy(() -> new TagSource.Alias("")).hasMessageStartingWith("from.tag:");
        assertThatThrownBy(() -> TagSource.RegistryImage.parse("UPPER")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    public void shouldScheduleOnlyRegistryTagsWithoutDigest() {
        ImportPolicy scheduled = ImportPolicy.DEFAULT.withScheduled(true);
        assertThat(new TagReference("a", TagSource.RegistryImage.parse("python:3"), scheduled).isScheduled())
                .isTrue();
        assertThat(new TagReference("a", TagSource.RegistryImage.parse("python@" + DIGEST), scheduled).isScheduled())
                .isFalse();
        assertThat(new TagReference("a", new TagSource.StreamTag("o", "t"), scheduled).isScheduled())
                .isFalse();
        assertThat(TagReference.of("a", TagSource.RegistryImage.parse("python:3"))
                        .isScheduled())
                .isFalse();
    }

    @Test
    public void shouldKeepConditionTransitionTimeWhileReasonHolds() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        TagCondition first = TagCondition.failure(ConditionReason.Unavailable, "503", t0, Optional.empty());
        TagCondition again =
                TagCondition.failure(ConditionReason.Unavailable, "502", t0.plusSeconds(60), Optional.empty());
        TagCondition other =
                TagCondition.failure(ConditionReason.NotFound, "404", t0.plusSeconds(120), Optional.empty());

        assertThat(first.then(again).lastTransitionTime()).isEqualTo(t0);
        assertThat(first.then(again).message()).isEqualTo("502");
        assertThat(first.then(other).lastTransitionTime()).isEqualTo(t0.plusSeconds(120));
        assertThatThrownBy(
                        () -> new TagCondition(true, Optional.of(ConditionReason.NotFound), "", t0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
