package io.jenkins.plugins.imagestreams.jenkins.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may use one stream, beyond the global ImageStream permissions: lists of user IDs and group names for
 * viewing, tagging and importing. An empty list adds no restriction. Being allowed to tag or import implies being
 * allowed to view. Administrators are never restricted (see {@link StreamAccessCheck}).
 *
 * <p>A pure function over "who is asking", so that the rules are tested without Jenkins.
 *
 * @param viewers user IDs and group names that may view; empty for everyone with ImageStream/View
 * @param taggers user IDs and group names that may tag, roll back and delete; empty for everyone with
 *     ImageStream/Tag
 * @param importers user IDs and group names that may ask for imports; empty for everyone with ImageStream/Import
 */
public record StreamAccess(Set<String> viewers, Set<String> taggers, Set<String> importers) {
    /** No restriction. */
    public static final StreamAccess OPEN = new StreamAccess(Set.of(), Set.of(), Set.of());

    /** Copies the record. */
    public StreamAccess {
        viewers = Set.copyOf(viewers);
        taggers = Set.copyOf(taggers);
        importers = Set.copyOf(importers);
    }

    /**
     * Parses the three lists as entered.
     *
     * @param viewers names separated by commas or white space
     * @param taggers names separated by commas or white space
     * @param importers names separated by commas or white space
     * @return the access rules
     */
    public static StreamAccess parse(final String viewers, final String taggers, final String importers) {
        return new StreamAccess(names(viewers), names(taggers), names(importers));
    }

    private static Set<String> names(final String text) {
        return text == null
                ? Set.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Tells whether a principal may perform an action on the stream.
     *
     * @param action what is asked
     * @param user the user ID
     * @param groups the user's group names (authorities)
     * @return true when the action's list is empty or names the user or one of the groups
     */
    public boolean allows(final StreamAction action, final String user, final Collection<String> groups) {
        return switch (action) {
            case VIEW ->
                viewers.isEmpty()
                        || named(viewers, user, groups)
                        || named(taggers, user, groups)
                        || named(importers, user, groups);
            case TAG -> taggers.isEmpty() || named(taggers, user, groups);
            case IMPORT -> importers.isEmpty() || named(importers, user, groups);
        };
    }

    private static boolean named(final Set<String> list, final String user, final Collection<String> groups) {
        return list.contains(user) || groups.stream().anyMatch(list::contains);
    }

    /** What is asked of a stream. */
    public enum StreamAction {
        /** See the stream's tags, history and conditions. */
        VIEW,
        /** Tag, roll back, record pushes, delete tags. */
        TAG,
        /** Ask for imports. */
        IMPORT
    }
}
