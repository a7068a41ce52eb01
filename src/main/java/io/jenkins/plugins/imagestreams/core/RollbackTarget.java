package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.util.List;
import java.util.Optional;

/**
 * Which history entry a rollback returns to.
 *
 * <ul>
 *   <li>{@code previous}: the newest entry whose digest differs from the current one;
 *   <li>{@code n} (1, 2, …): the n-th entry back, where 1 is the entry just below the current one;
 *   <li>{@code sha256:<64 hex>}: the newest entry with exactly that digest.
 * </ul>
 */
public sealed interface RollbackTarget {
    /**
     * Finds the entry to return to.
     *
     * @param history the tag's history
     * @return the entry, or empty when the history holds no such entry
     */
    Optional<TagEvent> select(TagHistory history);

    /**
     * Parses {@code previous}, a positive number, or a digest.
     *
     * @param value the text
     * @return the target
     * @throws InvalidValueException if the value is none of the three
     */
    static RollbackTarget parse(final String value) {
        if (value == null || value.isBlank() || "previous".equals(value)) {
            return new Previous();
        }
        if (value.matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return new Nth(n);
            }
        }
        if (value.contains(":")) {
            return new ToDigest(Digest.parse(value));
        }
        throw new InvalidValueException(
                "to", "must be 'previous', a number of entries back (1 to 9999), or a digest sha256:<64 hex>", value);
    }

    /** The newest entry with another digest than the current one. */
    record Previous() implements RollbackTarget {
        @Override
        public Optional<TagEvent> select(final TagHistory history) {
            Optional<TagEvent> current = history.current();
            return history.items().stream()
                    .filter(e -> current.isEmpty()
                            || !e.digest().equals(current.get().digest()))
                    .findFirst();
        }

        @Override
        public String toString() {
            return "previous";
        }
    }

    /**
     * The n-th entry back.
     *
     * @param n 1 for the entry below the current one
     */
    record Nth(int n) implements RollbackTarget {
        /** Validates the record. */
        public Nth {
            if (n < 1) {
                throw new InvalidValueException("to", "must be at least 1", String.valueOf(n));
            }
        }

        @Override
        public Optional<TagEvent> select(final TagHistory history) {
            List<TagEvent> items = history.items();
            return n < items.size() ? Optional.of(items.get(n)) : Optional.empty();
        }

        @Override
        public String toString() {
            return String.valueOf(n);
        }
    }

    /**
     * The newest entry with one digest.
     *
     * @param digest the digest
     */
    record ToDigest(Digest digest) implements RollbackTarget {
        @Override
        public Optional<TagEvent> select(final TagHistory history) {
            return history.find(digest);
        }

        @Override
        public String toString() {
            return digest.toString();
        }
    }
}
