package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The naming rules of OpenShift's image API (openshift/api {@code image/v1}), applied to stream and tag
 * names before anything is stored.
 *
 * <ul>
 *   <li>A stream name is a DNS subdomain-like path component: {@code ^[a-z0-9]+(?:[._-][a-z0-9]+)*$}, at
 *       most 253 characters.
 *   <li>A tag name follows the Docker tag grammar: {@code ^[\w][\w.-]{0,127}$}.
 * </ul>
 */
public final class Names {
    /** The pattern a stream name must match. */
    public static final Pattern STREAM_NAME = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");
    /** The pattern a tag name must match. */
    public static final Pattern TAG_NAME = Pattern.compile("^[\\w][\\w.-]{0,127}$");
    /** The longest stream name, in characters. */
    public static final int MAX_STREAM_NAME_LENGTH = 253;

    private Names() {}

    /**
     * Validates a stream name.
     *
     * @param field the field name to report, e.g. {@code stream name} or {@code from.stream}
     * @param name the candidate, e.g. {@code python-base}
     * @return the name, unchanged
     * @throws InvalidValueException if the name is null, empty, too long or does not match {@link #STREAM_NAME}
     */
    public static String requireStreamName(final String field, final String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty", name);
        }
        if (name.length() > MAX_STREAM_NAME_LENGTH) {
            throw new InvalidValueException(field, "must be at most 253 characters", name);
        }
        if (!STREAM_NAME.matcher(name).matches()) {
            throw new InvalidValueException(
                    field,
                    "must consist of lower case letters and digits, separated by single '.', '_' or '-'" + " ("
                            + STREAM_NAME.pattern() + ")",
                    name);
        }
        return name;
    }

    /**
     * Validates a tag name.
     *
     * @param field the field name to report, e.g. {@code tag}
     * @param name the candidate, e.g. {@code 3.12-slim}
     * @return the name, unchanged
     * @throws InvalidValueException if the name is null, empty, or does not match {@link #TAG_NAME}
     */
    public static String requireTagName(final String field, final String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty", name);
        }
        if (!TAG_NAME.matcher(name).matches()) {
            throw new InvalidValueException(
                    field,
                    "must start with a letter, digit or '_', contain only letters, digits, '_', '.' and '-',"
                            + " and be at most 128 characters (" + TAG_NAME.pattern() + ")",
                    name);
        }
        return name;
    }
}
