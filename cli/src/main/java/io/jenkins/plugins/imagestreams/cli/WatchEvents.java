package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import java.time.Instant;
import java.util.Optional;

/** The JSON lines {@code watch} prints, one per event. Field order is fixed; digests are {@code sha256:<64 hex>}. */
final class WatchEvents {
    /** A tag's current digest changed (or the tag got its first digest: {@code oldDigest} is null). */
    static final String TAG_MOVED = "tagMoved";
    /** A tag's {@code ImportSuccess} condition changed status or reason; the tag keeps its last good digest. */
    static final String CONDITION_CHANGED = "conditionChanged";
    /** A downstream job listed on the tag would be triggered now, for this digest. */
    static final String WOULD_FIRE = "subscriptionWouldFire";

    private WatchEvents() {}

    static ObjectNode tagMoved(
            final Instant at, final String stream, final String tag, final Optional<String> old, final TagEvent now) {
        ObjectNode event = base(at, TAG_MOVED, stream, tag);
        event.put("oldDigest", old.orElse(null));
        event.put("newDigest", now.digest().toString());
        event.put("pullSpec", now.pullSpec());
        event.put("cause", now.cause().wireName());
        return event;
    }

    static ObjectNode conditionChanged(
            final Instant at,
            final String stream,
            final String tag,
            final TagCondition condition,
            final Optional<Digest> current) {
        ObjectNode event = base(at, CONDITION_CHANGED, stream, tag);
        event.put("status", condition.status());
        event.put("reason", condition.reason().map(Enum::name).orElse(null));
        event.put("message", condition.message());
        Json.putDigest(event, "digest", current);
        return event;
    }

    static ObjectNode wouldFire(final Instant at, final String job, final TriggerCause cause) {
        ObjectNode event = base(at, WOULD_FIRE, cause.stream(), cause.tag());
        event.put("job", job);
        Json.putDigest(event, "oldDigest", cause.previousDigest());
        event.put("newDigest", cause.digest().toString());
        event.put("pullSpec", cause.pullSpec());
        event.put("cause", cause.source().wireName());
        return event;
    }

    private static ObjectNode base(final Instant at, final String type, final String stream, final String tag) {
        ObjectNode event = Json.object();
        event.put("time", at.toString());
        event.put("event", type);
        event.put("stream", stream);
        event.put("tag", tag);
        return event;
    }
}
