package io.jenkins.plugins.imagestreams.core.spec;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;

/**
 * The whole-number attributes of the configuration, each with its unit and range, so that the global configuration
 * form, JCasC and the command line's reader reject the same input with the same message, naming the attribute as
 * the user wrote it ({@code importIntervalMinutes}, not the model's {@code importInterval}) and the value as typed.
 *
 * <p>Jenkins converts a JCasC scalar or a form field to an {@code Integer} with Stapler's converter, which hands
 * over {@code null} (and, for a primitive {@code int}, a silent {@code 0}) for text that is not a whole number or
 * does not fit in 32 bits. The configuration therefore keeps these attributes as {@code Integer} and passes them to
 * {@link #require(Integer)}, which treats {@code null} as "not a whole number" instead of a default.
 */
public enum SpecNumber {
    /** How often a stream's scheduled tags are re-imported: minutes, 1 to 10080 (7 days). */
    IMPORT_INTERVAL_MINUTES("importIntervalMinutes", "minutes", 1, (int) ImageStream.MAX_INTERVAL.toMinutes()),
    /** How many history entries each tag always keeps: 1 to 1000. */
    HISTORY_REVISIONS("historyRevisions", "", 1, HistoryRetention.MAX_REVISIONS),
    /** The age below which history entries are always kept: hours, 0 or more. */
    HISTORY_MAX_AGE_HOURS("historyMaxAgeHours", "hours", 0, Integer.MAX_VALUE),
    /** A registry's connect timeout: seconds, 1 to 300. */
    CONNECT_TIMEOUT_SECONDS("connectTimeoutSeconds", "seconds", 1, RegistryHostSettings.MAX_TIMEOUT_SECONDS),
    /** A registry's read timeout: seconds, 1 to 300. */
    READ_TIMEOUT_SECONDS("readTimeoutSeconds", "seconds", 1, RegistryHostSettings.MAX_TIMEOUT_SECONDS);

    private final String attribute;
    private final String unit;
    private final int min;
    private final int max;

    SpecNumber(final String attribute, final String unit, final int min, final int max) {
        this.attribute = attribute;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /**
     * Returns the attribute's name as JCasC and the form spell it.
     *
     * @return e.g. {@code importIntervalMinutes}
     */
    public String attribute() {
        return attribute;
    }

    /**
     * Returns the rule, phrased for a user.
     *
     * @return e.g. {@code must be a whole number of minutes between 1 and 10080}
     */
    public String rule() {
        String kind = unit.isEmpty() ? "a whole number" : "a whole number of " + unit;
        return max == Integer.MAX_VALUE
                ? "must be " + kind + ", " + min + " or more"
                : "must be " + kind + " between " + min + " and " + max;
    }

    /**
     * Checks a converted value.
     *
     * @param value the value; {@code null} when the input was not a whole number or did not fit in 32 bits
     * @return the value
     * @throws InvalidValueException naming {@link #attribute()} and {@link #rule()} when the value is null or out of
     *     range
     */
    public int require(@CheckForNull final Integer value) {
        if (value == null || value < min || value > max) {
            throw new InvalidValueException(attribute, rule(), value == null ? null : value.toString());
        }
        return value;
    }

    /**
     * Parses and checks a value as typed: surrounding white space is ignored.
     *
     * @param text the input, e.g. {@code "15"}
     * @return the value
     * @throws InvalidValueException naming {@link #attribute()} and {@link #rule()}, with the text as typed, when it
     *     is not a whole number, does not fit in 32 bits, or is out of range
     */
    public int parse(@CheckForNull final String text) {
        String trimmed = text == null ? "" : text.trim();
        int value;
        try {
            value = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(attribute, rule(), text);
        }
        if (value < min || value > max) {
            throw new InvalidValueException(attribute, rule(), text);
        }
        return value;
    }
}
