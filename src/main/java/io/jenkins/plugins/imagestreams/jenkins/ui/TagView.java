package io.jenkins.plugins.imagestreams.jenkins.ui;

import io.jenkins.plugins.imagestreams.core.importing.ImportDecision;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One tag as {@code oc describe is} shows it: spec (source, schedule) and status (digest, condition, history).
 * For an alias, the status is the target's.
 */
@ExportedBean(defaultVisibility = 2)
@Restricted(NoExternalUse.class)
public final class TagView {
    private final String name;
    private final Optional<TagReference> spec;
    private final Optional<TagHistory> status;
    private final String resolvedTag;
    private final Optional<StreamActivity> activity;

    TagView(
            final String name,
            final Optional<TagReference> spec,
            final Optional<TagHistory> status,
            final String resolvedTag,
            final Optional<StreamActivity> activity) {
        this.name = name;
        this.spec = spec;
        this.status = status;
        this.resolvedTag = resolvedTag;
        this.activity = activity;
    }

    /** @return the tag name */
    @Exported
    public String getName() {
        return name;
    }

    /** @return whether the tag is defined in the configuration (false for tags made by operations) */
    @Exported
    public boolean isInSpec() {
        return spec.isPresent();
    }

    /** @return OpenShift's {@code from.kind}: DockerImage, ImageStreamTag or ImageStreamImage; empty outside the spec */
    @Exported
    public String getSourceKind() {
        return spec.map(s -> s.from().kind()).orElse("");
    }

    /**
     * Returns the kind of source as a key of the page's messages, which name it for people ("Registry image"), where
     * {@link #getSourceKind()} gives OpenShift's kind ({@code ImageStreamTag} is both a copy and an alias).
     *
     * @return {@code registryImage}, {@code streamTagCopy}, {@code alias} or {@code pinnedDigest}; empty outside the
     *     spec
     */
    public String getSourceType() {
        if (spec.isEmpty()) {
            return "";
        }
        TagSource from = spec.get().from();
        if (from instanceof TagSource.RegistryImage) {
            return "registryImage";
        }
        if (from instanceof TagSource.StreamTag) {
            return "streamTagCopy";
        }
        return from instanceof TagSource.Alias ? "alias" : "pinnedDigest";
    }

    /** @return the source as text, e.g. {@code docker.io/library/python:3.12} or {@code alias of 3.12} */
    @Exported
    public String getSource() {
        return spec.map(s -> s.from().toString())
                .orElseGet(() -> status.flatMap(TagHistory::aliasOf)
                        .map(t -> "alias of " + t)
                        .orElse(""));
    }

    /** @return the tag an alias shows; empty when the tag is not an alias */
    @Exported
    public String getAliasOf() {
        return resolvedTag.equals(name) ? "" : resolvedTag;
    }

    /** @return whether the poller re-imports the tag */
    @Exported
    public boolean isScheduled() {
        return spec.map(TagReference::isScheduled).orElse(false);
    }

    /**
     * Returns how the tag's digest is kept current, as a key of the page's messages.
     *
     * @return {@code scheduled}, {@code onRequest} (a registry image that is not scheduled), {@code follows}
     *     (an alias), {@code pinned} (a copy, a stream image or a registry image by digest) or {@code manual}
     *     (a tag outside the configuration)
     */
    public String getSchedule() {
        if (isAlias()) {
            return "follows";
        }
        if (spec.isEmpty()) {
            return "manual";
        }
        if (isScheduled()) {
            return "scheduled";
        }
        return spec.get().from().needsRegistry() ? "onRequest" : "pinned";
    }

    /**
     * Whether "import now" applies: the tag imports from a registry. A registry image given by digest does not: the
     * core records its digest from the configuration and the importer never picks it up.
     *
     * @return true for a registry image by tag
     */
    public boolean isImportable() {
        return spec.map(s -> s.from().needsRegistry()).orElse(false);
    }

    /**
     * Whether this tag's own import failed. Only a registry tag imports; an alias shows its target's condition (the
     * core's {@code ImageStreams.status} answers for the target), and a copy of a tag that has no digest yet fails
     * because of its source. Counting only importing tags counts each failing import once.
     *
     * @return true for a registry tag whose {@code ImportSuccess} condition is false
     */
    public boolean isFailingImport() {
        return isImportable() && !isAlias() && "False".equals(getConditionStatus());
    }

    /**
     * Returns the platforms the tag triggers on, from its import policy.
     *
     * @return e.g. {@code linux/amd64, linux/arm64/v8}; empty for every platform or a tag that does not import
     */
    public String getPolicyPlatforms() {
        return spec.filter(s -> s.from().needsRegistry())
                .map(s -> s.importPolicy().platforms().stream()
                        .map(Object::toString)
                        .collect(Collectors.joining(", ")))
                .orElse("");
    }

    /** @return the platforms of the current digest when it is an index, e.g. {@code linux/amd64, linux/arm64/v8} */
    public String getIndexPlatforms() {
        return current()
                .map(e -> e.platformDigests().keySet().stream().sorted().collect(Collectors.joining(", ")))
                .orElse("");
    }

    /** @return whether rollback and delete apply: the tag has its own history */
    public boolean isAlias() {
        return !getAliasOf().isEmpty();
    }

    private Optional<TagEvent> current() {
        return status.flatMap(TagHistory::current);
    }

    /** @return the current digest, {@code sha256:<64 hex>}, or empty when the tag never resolved */
    @Exported
    public String getDigest() {
        return current().map(e -> e.digest().toString()).orElse("");
    }

    /** @return the first 12 hex characters of the current digest */
    public String getShortDigest() {
        return current().map(e -> e.digest().shortForm()).orElse("");
    }

    /** @return the pullable reference of the current digest */
    @Exported
    public String getPullSpec() {
        return current().map(TagEvent::pullSpec).orElse("");
    }

    /** @return whether an import was asked for and has not finished ("importing…") */
    @Exported
    public boolean isImporting() {
        return status.map(TagHistory::importPending).orElse(false);
    }

    private Optional<TagCondition> condition() {
        return status.flatMap(TagHistory::condition);
    }

    /** @return "True", "False", or empty before the first import */
    @Exported
    public String getConditionStatus() {
        return condition().map(c -> c.status() ? "True" : "False").orElse("");
    }

    /** @return NotFound, Unauthorized, RateLimited, Unavailable or InvalidManifest; empty on success */
    @Exported
    public String getConditionReason() {
        return condition().flatMap(TagCondition::reason).map(Enum::name).orElse("");
    }

    /** @return the condition's explanation; never a secret */
    @Exported
    public String getConditionMessage() {
        return condition().map(TagCondition::message).orElse("");
    }

    /** @return ISO-8601 instant of the last change of the condition, or empty */
    @Exported
    public String getConditionTime() {
        return condition().map(c -> c.lastTransitionTime().toString()).orElse("");
    }

    /** @return how long the condition has held, e.g. {@code 5 min 1 sec}; empty before the first import */
    public String getConditionAge() {
        return condition()
                .map(c -> PageTimes.span(c.lastTransitionTime(), Instant.now()))
                .orElse("");
    }

    /** @return when the condition last changed, for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC}; or empty */
    public String getConditionTitle() {
        return condition().map(c -> PageTimes.absolute(c.lastTransitionTime())).orElse("");
    }

    /**
     * Returns when a failed import is retried, as the scheduler decides now: after the backoff ({@code BACKOFF}), not
     * before the registry's {@code Retry-After} or a low {@code ratelimit-remaining} ({@code RATE_LIMITED}), or at
     * the next poll when it is due.
     *
     * @return {@code backoff}, {@code rateLimited}, {@code due}, or empty when the condition is not a failure of this
     *     tag's import or the tag is not retried (paused, or not scheduled with a digest kept)
     */
    public String getRetry() {
        if (!isFailingImport()) {
            return "";
        }
        return nextImport()
                .map(d -> d.due()
                        ? "due"
                        : switch (d.reason()) {
                            case BACKOFF -> "backoff";
                            case RATE_LIMITED -> "rateLimited";
                            default -> "";
                        })
                .orElse("");
    }

    /** @return the time until the retry, e.g. {@code 4 min 10 sec}; empty when due or not retried */
    public String getRetryIn() {
        return getRetry().isEmpty() ? "" : getNextImportIn();
    }

    /** @return when the retry is due, for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC}; empty if not retried */
    public String getRetryTitle() {
        return getRetry().isEmpty() ? "" : getNextImportTitle();
    }

    /**
     * Returns the registry's {@code Retry-After} kept with a failed condition, while it lies ahead.
     *
     * @return for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC}; empty when the registry set none or it has passed
     */
    public String getRetryAfterTitle() {
        return condition()
                .filter(c -> !c.status())
                .flatMap(TagCondition::retryAfter)
                .filter(at -> at.isAfter(Instant.now()))
                .map(PageTimes::absolute)
                .orElse("");
    }

    /** @return the history, newest first */
    @Exported(visibility = 3)
    public List<TagEventView> getHistory() {
        List<TagEventView> views = new ArrayList<>();
        List<TagEvent> items = status.map(TagHistory::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            views.add(new TagEventView(items.get(i), i));
        }
        return views;
    }

    private Optional<ImportDecision> nextImport() {
        return spec.isPresent() ? activity.flatMap(a -> a.schedule(name)) : Optional.empty();
    }

    /**
     * Returns why the tag is, or is not, due for an import, as the poller's scheduler decides now.
     *
     * @return an {@code ImportReason} name ({@code DUE}, {@code FIRST_ATTEMPT}, {@code RETRY},
     *     {@code IMPORT_REQUESTED}, {@code NOT_YET}, {@code BACKOFF}, {@code RATE_LIMITED}, {@code PAUSED},
     *     {@code NOT_SCHEDULED}); empty for tags that need no registry
     */
    @Exported
    public String getNextImportReason() {
        return nextImport().map(d -> d.reason().name()).orElse("");
    }

    /** @return whether the tag is due, so the next poll imports it (within the rate caps) */
    public boolean isNextImportDue() {
        return nextImport().map(ImportDecision::due).orElse(false);
    }

    /**
     * Returns when the tag is due next.
     *
     * @return ISO-8601 instant: now for a due tag, else the end of the wait; empty for tags that need no registry
     */
    @Exported
    public String getNextImportAt() {
        return nextImport()
                .map(d -> activity.get().now().plus(d.nextDelay()).toString())
                .orElse("");
    }

    /** @return how long until the tag is due, e.g. {@code 12 min}; empty when due or not imported */
    public String getNextImportIn() {
        return nextImport()
                .filter(d -> !d.due())
                .map(d -> PageTimes.span(
                        activity.get().now(), activity.get().now().plus(d.nextDelay())))
                .orElse("");
    }

    /** @return when the tag is due next, for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC}; empty when none */
    public String getNextImportTitle() {
        return nextImport()
                .map(d -> PageTimes.absolute(activity.get().now().plus(d.nextDelay())))
                .orElse("");
    }

    /** @return the jobs subscribed to this tag that the current user may see, with their last-triggered digest */
    @Exported(visibility = 3)
    public List<DownstreamJobView> getDownstreamJobs() {
        return activity.map(a -> a.downstream(name)).orElse(List.of());
    }
}
