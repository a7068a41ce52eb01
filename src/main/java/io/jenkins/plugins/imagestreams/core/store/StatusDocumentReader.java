package io.jenkins.plugins.imagestreams.core.store;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the JSON objects of a format-1 status document into model values, checking every value the way the
 * model does and naming the JSON path of the first invalid one. Values themselves are never quoted.
 */
final class StatusDocumentReader {
    private static final String REASONS =
            Arrays.stream(ConditionReason.values()).map(Enum::name).collect(Collectors.joining(", "));

    private StatusDocumentReader() {}

    static ImageStreamStatus readStatus(final JsonObjectReader root, final String expectedStream)
            throws CorruptStatusException {
        String stream = root.text("stream");
        checked(root.at("stream"), () -> Names.requireStreamName("stream", stream));
        if (!stream.equals(expectedStream)) {
            throw new CorruptStatusException(root.at("stream") + ": does not match the file name");
        }
        long revision = root.integer("revision");
        SortedMap<String, TagHistory> tags = new TreeMap<>();
        for (JsonObjectReader tag : root.objects("tags", StatusCodec.TAG_KEYS)) {
            TagHistory history = readTag(tag);
            if (tags.put(history.tag(), history) != null) {
                throw new CorruptStatusException(tag.at("tag") + ": appears twice in $.tags");
            }
        }
        List<TagHistory> archived = new ArrayList<>();
        for (JsonObjectReader tag : root.objects("archived", StatusCodec.TAG_KEYS)) {
            archived.add(readTag(tag));
        }
        return new ImageStreamStatus(stream, revision, tags, archived);
    }

    private static TagHistory readTag(final JsonObjectReader object) throws CorruptStatusException {
        String tag = object.text("tag");
        checked(object.at("tag"), () -> Names.requireTagName("tag", tag));
        List<TagEvent> items = new ArrayList<>();
        for (JsonObjectReader item : object.objects("items", StatusCodec.EVENT_KEYS)) {
            items.add(readEvent(item));
        }
        Optional<TagCondition> condition = Optional.empty();
        Optional<JsonObjectReader> conditionObject = object.optionalObject("condition", StatusCodec.CONDITION_KEYS);
        if (conditionObject.isPresent()) {
            condition = Optional.of(readCondition(conditionObject.get()));
        }
        Optional<Digest> lastImported = Optional.empty();
        if (object.optionalText("lastImportedDigest").isPresent()) {
            lastImported = Optional.of(digest(object, "lastImportedDigest"));
        }
        Optional<String> aliasOf = object.optionalText("aliasOf");
        if (aliasOf.isPresent()) {
            checked(object.at("aliasOf"), () -> Names.requireTagName("aliasOf", aliasOf.get()));
        }
        return new TagHistory(
                tag,
                items,
                condition,
                object.integer("generation"),
                object.integer("importRequested"),
                object.integer("importObserved"),
                lastImported,
                object.optionalText("observedSpec"),
                aliasOf);
    }

    private static TagEvent readEvent(final JsonObjectReader object) throws CorruptStatusException {
        String causeName = object.text("cause");
        TagEventCause cause = checked(object.at("cause"), () -> TagEventCause.parse(causeName));
        Map<String, Digest> platformDigests = new TreeMap<>();
        for (Map.Entry<String, String> entry : object.textMap("platformDigests").entrySet()) {
            String path = object.at("platformDigests");
            checked(path, () -> requirePlatform(entry.getKey()));
            platformDigests.put(entry.getKey(), checked(path, () -> Digest.parse(entry.getValue())));
        }
        return new TagEvent(
                instant(object, "created"),
                digest(object, "digest"),
                object.text("pullSpec"),
                object.integer("generation"),
                cause,
                object.text("user"),
                platformDigests);
    }

    private static TagCondition readCondition(final JsonObjectReader object) throws CorruptStatusException {
        if (!TagCondition.TYPE.equals(object.text("type"))) {
            throw new CorruptStatusException(object.at("type") + ": must be " + TagCondition.TYPE);
        }
        boolean status = object.bool("status");
        Optional<ConditionReason> reason = Optional.empty();
        Optional<String> reasonName = object.optionalText("reason");
        if (reasonName.isPresent()) {
            reason = Optional.of(Arrays.stream(ConditionReason.values())
                    .filter(r -> r.name().equals(reasonName.get()))
                    .findFirst()
                    .orElseThrow(
                            () -> new CorruptStatusException(object.at("reason") + ": must be one of " + REASONS)));
        }
        if (status == reason.isPresent()) {
            throw new CorruptStatusException(
                    object.path() + ": a successful condition has no reason, a failed one has one");
        }
        return new TagCondition(
                status,
                reason,
                object.text("message"),
                instant(object, "lastTransitionTime"),
                optionalInstant(object, "retryAfter"));
    }

    /**
     * Checks that a platform digest's key is a platform.
     *
     * @param platform e.g. {@code linux/arm64/v8}
     * @return the platform, unchanged
     * @throws InvalidValueException if it is not {@code os/architecture[/variant]}
     */
    static String requirePlatform(final String platform) {
        try {
            Platform.parse(platform);
            return platform;
        } catch (RuntimeException e) {
            // Platform.parse's failure type is its own business: any failure means "not a platform"
            throw new InvalidValueException("platform", "must be os/architecture[/variant]", platform);
        }
    }

    private static Digest digest(final JsonObjectReader object, final String key) throws CorruptStatusException {
        String text = object.text(key);
        return checked(object.at(key), () -> Digest.parse(text));
    }

    private static Instant instant(final JsonObjectReader object, final String key) throws CorruptStatusException {
        return optionalInstant(object, key)
                .orElseThrow(() -> new CorruptStatusException(object.at(key) + ": is missing"));
    }

    private static Optional<Instant> optionalInstant(final JsonObjectReader object, final String key)
            throws CorruptStatusException {
        Optional<String> text = object.optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeException e) {
            throw new CorruptStatusException(
                    object.at(key) + ": must be an ISO-8601 UTC instant such as 2024-05-01T10:15:30Z");
        }
    }

    /** Runs a model check, turning its {@link InvalidValueException} into a message that names the path. */
    private static <T> T checked(final String path, final Check<T> check) throws CorruptStatusException {
        try {
            return check.run();
        } catch (InvalidValueException e) {
            throw new CorruptStatusException(path + ": " + e.getRule());
        }
    }

    @FunctionalInterface
    private interface Check<T> {
        T run();
    }
}
