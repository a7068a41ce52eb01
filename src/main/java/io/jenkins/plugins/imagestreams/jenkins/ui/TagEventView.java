package io.jenkins.plugins.imagestreams.jenkins.ui;

import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One history entry as the management page and {@code api/json} show it. */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class TagEventView {
    private final TagEvent event;
    private final int index;

    TagEventView(final TagEvent event, final int index) {
        this.event = event;
        this.index = index;
    }

    /** @return the position in the history, 0 for the current entry */
    @Exported
    public int getIndex() {
        return index;
    }

    /** @return ISO-8601 instant the tag was set to this digest */
    @Exported
    public String getCreated() {
        return event.created().toString();
    }

    /** @return the instant, for relative ages on the page */
    public Instant getCreatedInstant() {
        return event.created();
    }

    /** @return how long ago the entry was recorded, e.g. {@code 3 min 2 sec} */
    public String getAge() {
        return PageTimes.span(event.created(), Instant.now());
    }

    /** @return when the entry was recorded, for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC} */
    public String getCreatedTitle() {
        return PageTimes.absolute(event.created());
    }

    /** @return the platforms of an index entry, e.g. {@code linux/amd64, linux/arm64/v8}; empty for a manifest */
    public String getPlatforms() {
        return event.platformDigests().keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** @return {@code sha256:<64 hex>} */
    @Exported
    public String getDigest() {
        return event.digest().toString();
    }

    /** @return the first 12 hex characters of the digest */
    public String getShortDigest() {
        return event.digest().shortForm();
    }

    /** @return {@code <registry>/<repository>@<digest>} */
    @Exported
    public String getPullSpec() {
        return event.pullSpec();
    }

    /** @return the tag generation of the entry */
    @Exported
    public long getGeneration() {
        return event.generation();
    }

    /** @return poll, webhook, tag, rollback, recordPush or manual */
    @Exported
    public String getCause() {
        return event.cause().wireName();
    }

    /** @return the user who moved the tag, SYSTEM for the poller */
    @Exported
    public String getUser() {
        return event.user();
    }

    /** @return platform to child digest, for an index */
    @Exported
    public Map<String, String> getPlatformDigests() {
        Map<String, String> digests = new TreeMap<>();
        event.platformDigests().forEach((platform, digest) -> digests.put(platform, digest.toString()));
        return digests;
    }
}
