package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imagestreams describe FILE [STREAM]}: every tag resolved against its registry, like {@code oc describe is}. */
@Command(
        name = "describe",
        description = {
            "Resolves every tag of the file's streams (or of one stream) against its registry, as the plugin imports",
            "them, and prints per tag: source, alias target, digest, pull spec, platforms, condition and reason.",
            "Nothing is stored. Progress goes to standard error when it is a terminal."
        })
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the JCasC YAML file")
    private Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STREAM", description = "only this stream")
    private String stream;

    @Mixin
    private OutputFormat output;

    @Override
    public Integer call() throws InterruptedException {
        StreamsSpec streams = SpecFile.require(
                file, main.context().variables(), spec.commandLine().getErr());
        List<ImageStream> shown = stream == null
                ? streams.streams()
                : List.of(streams.stream(stream)
                        .orElseThrow(
                                () -> CliFailure.usage(file + ": defines no image stream named '" + stream + "'")));
        CliContext context = main.context();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(
                registry.client(context.clock(), streams),
                err,
                StreamDescriber.registryTags(streams, shown),
                context.stderrIsTerminal());
        Map<ImageStream, List<TagView>> views;
        try {
            views = new StreamDescriber(
                            progress,
                            registry.credentials(context.environment(), err),
                            registry.deadline(),
                            context.clock())
                    .describe(streams, shown);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            DescribeOutput.json(out, views);
        } else {
            DescribeOutput.text(out, views);
        }
        boolean resolved = views.values().stream().flatMap(List::stream).allMatch(TagView::resolved);
        return resolved ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
