package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ImportRecord} of each registry tag, in memory. After a restart a tag's record is rebuilt from its
 * persisted condition: a failed condition counts as one failure at its transition time, with its
 * {@code retryAfter}; a tag without one has no known attempt and is due at once (the caps spread the burst).
 * Thread-safe; about 100 bytes per tag.
 */
public final class ImportLedger {
    private final Map<String, ImportRecord> records = new ConcurrentHashMap<>();

    /**
     * Returns a tag's record.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @param status the tag's persisted status, used when nothing is in memory
     * @return the record, {@link ImportRecord#NONE} when nothing is known
     */
    public ImportRecord get(final String stream, final String tag, final Optional<TagHistory> status) {
        ImportRecord known = records.get(key(stream, tag));
        if (known != null) {
            return known;
        }
        return status.flatMap(TagHistory::condition)
                .filter(c -> !c.status())
                .map(ImportLedger::fromCondition)
                .orElse(ImportRecord.NONE);
    }

    /**
     * Replaces a tag's record.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @param record the new record
     */
    public void put(final String stream, final String tag, final ImportRecord record) {
        records.put(key(stream, tag), record);
    }

    private static ImportRecord fromCondition(final TagCondition condition) {
        return ImportRecord.NONE.failed(condition.lastTransitionTime(), condition.retryAfter());
    }

    private static String key(final String stream, final String tag) {
        return stream + '\u0000' + tag;
    }
}
