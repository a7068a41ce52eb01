package io.jenkins.plugins.imagestreams.core;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * Thrown when user input breaks a rule of the ImageStream model, for example a stream name that is not
 * a DNS subdomain or a digest whose hex part has the wrong length.
 *
 * <p>The message always has the shape {@code <field>: <rule> (got '<value>')}, so that a form, a step or
 * the command line can show it unchanged. The value is truncated to 200 characters. Callers must never
 * pass a secret as the value.
 *
 * <p>Throwing this exception is always side-effect free: every factory and service operation validates
 * before it changes any state.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_LENGTH = 200;

    private final String field;
    private final String rule;

    @CheckForNull
    private final String value;

    /**
     * Creates the exception.
     *
     * @param field the name of the field as the user knows it, e.g. {@code stream name} or {@code from}
     * @param rule the rule that was broken, phrased for a user, e.g. {@code must match ^[a-z0-9]+$}
     * @param value the rejected input; {@code null} is shown as {@code null}
     */
    public InvalidValueException(final String field, final String rule, @CheckForNull final String value) {
        super(format(field, rule, value));
        this.field = Objects.requireNonNull(field);
        this.rule = Objects.requireNonNull(rule);
        this.value = value;
    }

    /**
     * Returns the same rejection for a field nested in a larger document, e.g. {@code tags.latest.from} inside
     * stream {@code app} becomes {@code streams.app.tags.latest.from}.
     *
     * @param prefix the path of the enclosing element, without a trailing dot
     * @return a new exception whose field is {@code <prefix>.<field>}, with the same rule and value
     */
    public InvalidValueException within(final String prefix) {
        InvalidValueException nested = new InvalidValueException(prefix + "." + field, rule, value);
        nested.initCause(this);
        return nested;
    }

    /**
     * Returns the same rejection reported at another field, e.g. at the YAML path a value was read from
     * ({@code unclassified.imageStreams.streams[0].tags[1].platforms}) instead of the model's name for it
     * ({@code platform}).
     *
     * @param otherField the field to name instead
     * @return a new exception with the other field and the same rule and value, caused by this one
     */
    public InvalidValueException at(final String otherField) {
        InvalidValueException moved = new InvalidValueException(otherField, rule, value);
        moved.initCause(this);
        return moved;
    }

    /**
     * Returns the rejected input, as the message shows it before truncation.
     *
     * @return the value; {@code null} when the input was null
     */
    @CheckForNull
    public String getValue() {
        return value;
    }

    /**
     * Returns the name of the field that was rejected.
     *
     * @return the field name, e.g. {@code tag}
     */
    public String getField() {
        return field;
    }

    /**
     * Returns the rule that the input broke.
     *
     * @return the rule, e.g. {@code must be at most 128 characters}
     */
    public String getRule() {
        return rule;
    }

    private static String format(final String field, final String rule, @CheckForNull final String value) {
        String shown = value == null ? "null" : "'" + truncate(value) + "'";
        return field + ": " + rule + " (got " + shown + ")";
    }

    private static String truncate(final String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
