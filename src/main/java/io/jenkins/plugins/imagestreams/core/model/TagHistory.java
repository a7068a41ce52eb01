package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The status of one tag (OpenShift's {@code NamedTagEventList}): its history, newest first, its
 * {@code ImportSuccess} condition and the counters that make imports idempotent.
 *
 * <p>Rules, after OpenShift's {@code image/v1} status handling:
 *
 * <ul>
 *   <li>{@link #record} adds no entry when the same digest and generation are already at the top.
 *   <li>{@link #prune} keeps the newest {@code revisions} entries and those younger than {@code maxAge}, and
 *       never drops the current digest or a protected one.
 *   <li>A failed import only changes {@link #condition()}: it never moves the tag or touches the history.
 * </ul>
 *
 * @param tag the tag name
 * @param items the history, newest first; the first entry is the current digest
 * @param condition the last import's outcome; empty before the first import
 * @param generation increases with each tag operation, rollback or change of the tag's spec
 * @param importRequested increases when someone asks for an import ("import now")
 * @param importObserved the value of {@code importRequested} that the last finished import saw; an import is
 *     pending while it is below {@code importRequested}
 * @param lastImportedDigest what the registry reported at the last successful import; a rollback stays
 *     current until the registry reports something else
 * @param observedSpec the spec source the tag was last set from, as text; a change bumps the generation
 * @param aliasOf for a tag that is not in the spec: the tag of the same stream it follows
 */
public record TagHistory(
        String tag,
        List<TagEvent> items,
        Optional<TagCondition> condition,
        long generation,
        long importRequested,
        long importObserved,
        Optional<Digest> lastImportedDigest,
        Optional<String> observedSpec,
        Optional<String> aliasOf) {
    /** Validates and copies the record. */
    public TagHistory {
        Names.requireTagName("tag", tag);
        items = List.copyOf(items);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(lastImportedDigest, "lastImportedDigest");
        Objects.requireNonNull(observedSpec, "observedSpec");
        Objects.requireNonNull(aliasOf, "aliasOf");
    }

    /**
     * An empty history for a new tag.
     *
     * @param tag the tag name
     * @return a history with no entries, generation 1
     */
    public static TagHistory empty(final String tag) {
        return new TagHistory(
                tag, List.of(), Optional.empty(), 1, 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns the current entry.
     *
     * @return the newest entry, or empty when the tag never resolved
     */
    public Optional<TagEvent> current() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /**
     * Whether an import was requested and has not finished yet (the UI shows "importing…").
     *
     * @return true while {@code importObserved < importRequested}
     */
    public boolean importPending() {
        return importObserved < importRequested;
    }

    /**
     * Adds an entry at the top, unless the same digest and generation are already there.
     *
     * @param event the new entry
     * @return the new history, or this one when the entry adds nothing
     */
    public TagHistory record(final TagEvent event) {
        Optional<TagEvent> top = current();
        if (top.isPresent()
                && top.get().digest().equals(event.digest())
                && top.get().generation() == event.generation()) {
            return this;
        }
        List<TagEvent> next = new ArrayList<>(items.size() + 1);
        next.add(event);
        next.addAll(items);
        return withItems(next);
    }

    /**
     * Drops entries that the retention no longer asks to keep.
     *
     * @param retention the stream's retention
     * @param now the current time, from the injected clock
     * @param protectedDigests digests that must stay, e.g. pinned by another stream or last triggered
     * @return the pruned history
     */
    public TagHistory prune(final HistoryRetention retention, final Instant now, final Set<Digest> protectedDigests) {
        Instant cutoff = now.minus(retention.maxAge());
        List<TagEvent> kept = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            TagEvent event = items.get(i);
            boolean keep = i < retention.revisions()
                    || event.created().isAfter(cutoff)
                    || protectedDigests.contains(event.digest())
                    || event.digest().equals(items.get(0).digest());
            if (keep) {
                kept.add(event);
            }
        }
        return kept.size() == items.size() ? this : withItems(kept);
    }

    /**
     * Whether {@link #prune} could drop anything: only entries beyond the newest {@code revisions} that are not
     * younger than {@code maxAge} may go. Lets callers skip computing the protected digests.
     *
     * @param retention the stream's retention
     * @param now the current time
     * @return false when pruning would certainly keep every entry
     */
    public boolean mayPrune(final HistoryRetention retention, final Instant now) {
        Instant cutoff = now.minus(retention.maxAge());
        for (int i = retention.revisions(); i < items.size(); i++) {
            if (!items.get(i).created().isAfter(cutoff)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the newest entry with a digest.
     *
     * @param digest the digest
     * @return the entry, or empty when the history does not hold the digest
     */
    public Optional<TagEvent> find(final Digest digest) {
        return items.stream().filter(e -> e.digest().equals(digest)).findFirst();
    }

    /**
     * Returns a copy with other entries.
     *
     * @param newItems the entries, newest first
     * @return the copy
     */
    public TagHistory withItems(final List<TagEvent> newItems) {
        return new TagHistory(
                tag,
                newItems,
                condition,
                generation,
                importRequested,
                importObserved,
                lastImportedDigest,
                observedSpec,
                aliasOf);
    }

    /**
     * Returns a copy with another condition.
     *
     * @param newCondition the condition
     * @return the copy
     */
    public TagHistory withCondition(final TagCondition newCondition) {
        TagCondition merged = condition.map(c -> c.then(newCondition)).orElse(newCondition);
        return new TagHistory(
                tag,
                items,
                Optional.of(merged),
                generation,
                importRequested,
                importObserved,
                lastImportedDigest,
                observedSpec,
                aliasOf);
    }

    /**
     * Returns a copy with the counters and markers changed.
     *
     * @param newGeneration the generation
     * @param newRequested the requested import counter
     * @param newObserved the observed import counter
     * @param newImported the digest last reported by the registry
     * @param newSpec the spec source last applied
     * @param newAliasOf the alias target, for tags outside the spec
     * @return the copy
     */
    public TagHistory with(
            final long newGeneration,
            final long newRequested,
            final long newObserved,
            final Optional<Digest> newImported,
            final Optional<String> newSpec,
            final Optional<String> newAliasOf) {
        return new TagHistory(
                tag, items, condition, newGeneration, newRequested, newObserved, newImported, newSpec, newAliasOf);
    }
}
