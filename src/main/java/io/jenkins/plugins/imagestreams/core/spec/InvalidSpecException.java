package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the {@code imageStreams} section of a JCasC file breaks rules. It carries every rejection that was
 * found, each naming the YAML path, the rule and the value ({@code <path>: <rule> (got '<value>')}).
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The rejections; kept for the caller, the message lists them too. */
    private final transient List<InvalidValueException> problems;

    /**
     * Creates the exception.
     *
     * @param problems at least one rejection, in file order
     */
    public InvalidSpecException(final List<InvalidValueException> problems) {
        super(problems.stream().map(InvalidValueException::getMessage).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the rejections.
     *
     * @return every rejection found, in file order; {@link InvalidValueException#getField()} is the YAML path
     */
    public List<InvalidValueException> getProblems() {
        return problems;
    }
}
