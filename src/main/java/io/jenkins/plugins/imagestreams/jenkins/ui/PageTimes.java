package io.jenkins.plugins.imagestreams.jenkins.ui;

import hudson.Util;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the pages show a time: relative as Jenkins shows build ages ({@code 4 min 10 sec}, via
 * {@link Util#getTimeSpanString(long)}), with the absolute time in the controller's time zone for a tooltip.
 */
final class PageTimes {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private PageTimes() {}

    /**
     * Returns the time between two instants, never negative.
     *
     * @param from the earlier instant
     * @param to the later instant
     * @return e.g. {@code 4 min 10 sec}; {@code 0 ms} when {@code to} is not after {@code from}
     */
    static String span(final Instant from, final Instant to) {
        return Util.getTimeSpanString(Math.max(0, Duration.between(from, to).toMillis()));
    }

    /**
     * Returns an instant for a tooltip.
     *
     * @param at the instant
     * @return e.g. {@code 2026-11-30 11:20:05 UTC}, in the controller's default time zone
     */
    static String absolute(final Instant at) {
        return ABSOLUTE.format(at.atZone(ZoneId.systemDefault()));
    }
}
