package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Collects the rejections of one reading, so that a file with several mistakes reports all it can. */
final class Problems {
    private final List<InvalidValueException> found = new ArrayList<>();

    void add(final InvalidValueException problem) {
        found.add(problem);
    }

    int count() {
        return found.size();
    }

    List<InvalidValueException> all() {
        return List.copyOf(found);
    }

    /**
     * Runs a core validator and reports its rejection at a YAML path instead of the model's field name.
     *
     * @param path where the value came from
     * @param validator the core call
     * @param <T> what it returns
     * @return its result, or empty when it rejected the value
     */
    <T> Optional<T> at(final String path, final Supplier<T> validator) {
        return at(e -> path, validator);
    }

    /**
     * Runs a core validator and reports its rejection at the YAML path of the field it names.
     *
     * @param pathOf the YAML path for the model's field (an exception carries the field)
     * @param validator the core call
     * @param <T> what it returns
     * @return its result, or empty when it rejected the value
     */
    <T> Optional<T> at(final Function<InvalidValueException, String> pathOf, final Supplier<T> validator) {
        try {
            return Optional.of(validator.get());
        } catch (InvalidValueException e) {
            found.add(e.at(pathOf.apply(e)));
            return Optional.empty();
        }
    }
}
