package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imagestreams check FILE}: validates the {@code imageStreams} section with the plugin's schema and rules. */
@Command(
        name = "check",
        description = {
            "Validates the unclassified: imageStreams: section of a JCasC file with the plugin's schema and rules.",
            "Each problem is printed to standard error as FILE:LINE: PATH: RULE (got 'VALUE').",
            "No registry is contacted."
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", description = "the JCasC YAML file")
    private Path file;

    @Override
    public Integer call() {
        Optional<StreamsSpec> read = SpecFile.read(
                file, main.context().variables(), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (read.isEmpty()) {
            out.println(file + ": no unclassified.imageStreams section, nothing to check");
            return ExitCodes.OK;
        }
        StreamsSpec streams = read.get();
        out.printf(
                "%s: valid: %d image stream(s), %d tag(s)%n",
                file, streams.streams().size(), streams.tagCount());
        for (ImageStream stream : streams.streams()) {
            out.printf(
                    "  %s: %s%n",
                    stream.name(),
                    stream.tags().isEmpty()
                            ? "no tags"
                            : stream.tags().stream().map(TagReference::name).collect(Collectors.joining(", ")));
        }
        return ExitCodes.OK;
    }
}
