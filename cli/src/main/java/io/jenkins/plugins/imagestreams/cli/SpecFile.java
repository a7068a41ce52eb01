package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.spec.InvalidSpecException;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the {@code imageStreams} section of a JCasC file with the core's reader, the plugin's schema and rules. */
final class SpecFile {
    private SpecFile() {}

    /**
     * Reads the section, if the file has one.
     *
     * @param file the JCasC file
     * @param variables resolves {@code ${...}} in the file's scalars, as JCasC would
     * @param warnings where a variable that resolves to nothing is reported, {@code FILE:LINE: PATH: ...}
     * @return the spec; empty when the file has no {@code unclassified: imageStreams:} section
     * @throws CliFailure exit code 1 with one line per problem, in line order, {@code FILE:LINE: PATH: RULE (got 'VALUE')}, when
     *     the section breaks a rule; exit code 2 when the file cannot be read
     */
    static Optional<StreamsSpec> read(final Path file, final JcascVariables variables, final PrintWriter warnings) {
        JcascFile loaded = JcascFile.load(file);
        Object document = variables.resolve(
                loaded.document(),
                (path, names) -> warnings.println(file + ":"
                        + loaded.lineOf(path) + ": " + path + ": "
                        + names.stream().map(name -> "${" + name + "}").collect(Collectors.joining(", "))
                        + " resolved to nothing (no such system property or environment variable); replaced with an empty"
                        + " string, as JCasC does"));
        try {
            return StreamsSpecReader.readDocument(document);
        } catch (InvalidSpecException e) {
            throw CliFailure.failed(e.getProblems().stream()
                    .sorted(Comparator.comparingInt(p -> loaded.lineOf(p.getField())))
                    .map(p -> line(loaded, p))
                    .toList());
        }
    }

    /**
     * Reads the section, which the file must have.
     *
     * @param file the JCasC file
     * @param variables resolves {@code ${...}} in the file's scalars, as JCasC would
     * @param warnings where a variable that resolves to nothing is reported
     * @return the spec
     * @throws CliFailure as {@link #read}, and exit code 1 when the file has no section
     */
    static StreamsSpec require(final Path file, final JcascVariables variables, final PrintWriter warnings) {
        return read(file, variables, warnings)
                .orElseThrow(() -> CliFailure.failed(
                        List.of(file + ": has no unclassified.imageStreams section: no image streams to work on")));
    }

    private static String line(final JcascFile file, final InvalidValueException problem) {
        return file.file() + ":" + file.lineOf(problem.getField()) + ": " + problem.getMessage();
    }
}
