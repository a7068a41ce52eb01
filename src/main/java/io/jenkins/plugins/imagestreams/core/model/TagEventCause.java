package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Arrays;

/** Why a {@link TagEvent} was recorded: the audit part of every history entry. */
public enum TagEventCause {
    /** A scheduled import saw a new digest. */
    POLL("poll"),
    /** A verified re-check after a registry webhook saw a new digest. */
    WEBHOOK("webhook"),
    /** A tag operation (copy or alias) set the digest. */
    TAG("tag"),
    /** A rollback set the digest to one from the tag's own history. */
    ROLLBACK("rollback"),
    /** A pipeline recorded a digest it had just pushed. */
    RECORD_PUSH("recordPush"),
    /** A user asked for an import ("import now"). */
    MANUAL("manual");

    private final String wireName;

    TagEventCause(final String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in JSON, the state files and the build environment.
     *
     * @return e.g. {@code recordPush}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name.
     *
     * @param value one of poll, webhook, tag, rollback, recordPush, manual
     * @return the cause
     * @throws InvalidValueException for any other value
     */
    public static TagEventCause parse(final String value) {
        return Arrays.stream(values())
                .filter(c -> c.wireName.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "cause", "must be one of poll, webhook, tag, rollback, recordPush, manual", value));
    }
}
