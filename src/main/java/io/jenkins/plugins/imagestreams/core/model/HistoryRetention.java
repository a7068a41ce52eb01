package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.time.Duration;

/**
 * How much tag history is kept. An entry is dropped only when it is beyond the newest {@code revisions}
 * entries <em>and</em> older than {@code maxAge}; the current digest and digests still referenced (by an
 * alias, a pin or a subscription) are never dropped. OpenShift's defaults are 3 revisions and 60 minutes;
 * ours keep more, because rollback is a first-class operation here.
 *
 * @param revisions the number of newest entries always kept, at least 1
 * @param maxAge entries younger than this are always kept; zero keeps none for age alone
 */
public record HistoryRetention(int revisions, Duration maxAge) {
    /** OpenShift's own defaults: 3 revisions, 60 minutes. */
    public static final HistoryRetention OPENSHIFT = new HistoryRetention(3, Duration.ofMinutes(60));
    /** The plugin's default: 10 revisions, 7 days. */
    public static final HistoryRetention DEFAULT = new HistoryRetention(10, Duration.ofDays(7));
    /** The largest number of revisions a stream may keep. */
    public static final int MAX_REVISIONS = 1000;

    /** Validates the record. */
    public HistoryRetention {
        if (revisions < 1 || revisions > MAX_REVISIONS) {
            throw new InvalidValueException(
                    "historyRevisions", "must be between 1 and " + MAX_REVISIONS, String.valueOf(revisions));
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new InvalidValueException("historyMaxAge", "must be zero or positive", String.valueOf(maxAge));
        }
    }
}
