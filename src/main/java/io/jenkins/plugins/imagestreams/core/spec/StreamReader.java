package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of {@code streams} with the defaults of the plugin's {@code ImageStreamDefinition} (15 minutes,
 * 10 revisions, 168 hours, not paused) and validates it as the plugin's configuration does: the stream's own rules
 * through the {@link ImageStream} constructor, then the registry allowlist for every registry source.
 */
final class StreamReader {
    private StreamReader() {}

    static Optional<StreamsSpec.Stream> read(
            final SpecNode node, final RegistryAllowlist allowlist, final Problems problems) {
        int before = problems.count();
        Attributes attributes = Attributes.read(node, JcascElement.STREAM, problems);
        if (!attributes.readable()) {
            return Optional.empty();
        }
        String name = attributes.text("name", "").trim();
        problems.at(attributes.get("name").path(), () -> Names.requireStreamName("stream name", name));
        String description = attributes.text("description", "");
        int interval =
                attributes.number(SpecNumber.IMPORT_INTERVAL_MINUTES, (int) ImageStream.DEFAULT_INTERVAL.toMinutes());
        int revisions = attributes.number(SpecNumber.HISTORY_REVISIONS, HistoryRetention.DEFAULT.revisions());
        int maxAge = attributes.number(SpecNumber.HISTORY_MAX_AGE_HOURS, (int)
                HistoryRetention.DEFAULT.maxAge().toHours());
        boolean paused = attributes.bool("paused", false);
        StreamsSpec.AccessLists access = new StreamsSpec.AccessLists(
                name,
                StreamsSpec.AccessLists.names(attributes.text("viewers", "")),
                StreamsSpec.AccessLists.names(attributes.text("taggers", "")),
                StreamsSpec.AccessLists.names(attributes.text("importers", "")));
        List<TagReader.Read> tags = tags(attributes.get("tags"), problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        Optional<ImageStream> stream = problems.at(
                e -> streamPath(attributes, tags, e),
                () -> new ImageStream(
                        name,
                        description,
                        tags.stream().map(TagReader.Read::tag).toList(),
                        Duration.ofMinutes(interval),
                        new HistoryRetention(revisions, Duration.ofHours(maxAge)),
                        paused));
        return stream.filter(s -> allowed(s, tags, allowlist, problems))
                .map(s -> new StreamsSpec.Stream(s, access, subscriptions(name, tags)));
    }

    private static List<TagReader.Read> tags(final SpecNode tags, final Problems problems) {
        List<TagReader.Read> read = new ArrayList<>();
        try {
            for (SpecNode tag : tags.elements()) {
                TagReader.read(tag, problems).ifPresent(read::add);
            }
        } catch (InvalidValueException e) {
            problems.add(e);
        }
        return read;
    }

    /** Maps a rejection by the {@link ImageStream} constructor to the attribute that caused it. */
    private static String streamPath(
            final Attributes attributes, final List<TagReader.Read> tags, final InvalidValueException e) {
        String field = e.getField();
        if (field.equals("tags")) {
            TagReader.Read duplicate = tags.stream()
                    .filter(t -> t.tag().name().equals(e.getValue()))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            return duplicate.node().path() + ".name";
        }
        if (field.startsWith("tags.") && field.endsWith(".from")) {
            String tag = field.substring("tags.".length(), field.length() - ".from".length());
            TagReader.Read read = tags.stream()
                    .filter(t -> t.tag().name().equals(tag))
                    .findFirst()
                    .orElseThrow();
            return read.sourcePath() + (read.tag().from() instanceof TagSource.Alias ? ".tag" : "");
        }
        return attributes.node().path();
    }

    private static boolean allowed(
            final ImageStream stream,
            final List<TagReader.Read> tags,
            final RegistryAllowlist allowlist,
            final Problems problems) {
        boolean allowed = true;
        for (TagReader.Read tag : tags) {
            if (tag.tag().from() instanceof TagSource.RegistryImage image) {
                allowed &= problems.at(tag.sourcePath() + ".image", () -> {
                            allowlist.check(
                                    "image",
                                    image.image(),
                                    tag.tag().importPolicy().insecure());
                            return stream;
                        })
                        .isPresent();
            }
        }
        return allowed;
    }

    private static List<Subscription> subscriptions(final String stream, final List<TagReader.Read> tags) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (TagReader.Read tag : tags) {
            for (String job : tag.downstreamJobs()) {
                subscriptions.add(Subscription.of(job, stream, tag.tag().name()));
            }
        }
        return subscriptions;
    }
}
