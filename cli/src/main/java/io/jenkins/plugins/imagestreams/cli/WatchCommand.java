package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code imagestreams watch FILE --state DIR}: the plugin's main loop without Jenkins, one JSON line per event on
 * standard output. Ctrl-C lets the running cycle finish, then stops; a restart on the same directory reports what
 * changed meanwhile, once.
 */
@Command(
        name = "watch",
        description = {
            "Runs the plugin's import scheduler, importer and trigger decisions on the streams of a JCasC file, with",
            "their state in DIR, and prints one JSON line per event: tagMoved, conditionChanged and",
            "subscriptionWouldFire (for the downstreamJobs of a tag), each with the old and new digest.",
            "Ctrl-C stops it cleanly; a restart on the same DIR neither repeats nor loses an event."
        })
final class WatchCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the running cycle; a resolve takes at most its deadline. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Parameters(paramLabel = "FILE", description = "the JCasC YAML file")
    private Path file;

    @Option(
            names = "--state",
            required = true,
            paramLabel = "DIR",
            description = "the state directory: status files, subscription states and events.jsonl")
    private Path state;

    @Option(
            names = "--once",
            description = "import every registry tag now, report, evaluate the subscriptions without a quiet period,"
                    + " and exit (1 if a tag failed to import)")
    private boolean once;

    @Option(
            names = "--quiet-period",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "changes for one job are gathered until none came for this long (default: ${DEFAULT-VALUE})")
    private int quietSeconds;

    @Override
    public Integer call() throws InterruptedException {
        StreamsSpec streams = SpecFile.require(
                file, main.context().variables(), spec.commandLine().getErr());
        if (quietSeconds < 0) {
            throw CliFailure.usage("--quiet-period must not be negative (got " + quietSeconds + ")");
        }
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw CliFailure.usage("--state " + state + ": cannot be created: " + e.getMessage());
        }
        if (once) {
            try (Watcher watcher = open(streams)) {
                watcher.requestImports();
                watcher.cycle();
                return watcher.allImported() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
        StopSignal stop = new StopSignal(STOP_WAIT);
        try (Watcher watcher = open(streams)) {
            boolean stopped = stop.requested();
            while (!stopped) {
                stopped = stop.await(watcher.cycle());
            }
        } finally {
            stop.done();
        }
        return ExitCodes.OK;
    }

    private Watcher open(final StreamsSpec streams) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliContext context = main.context();
        return new Watcher(
                streams,
                new Watcher.Settings(state, registry.deadline(), policy()),
                registry.client(context.clock(), streams),
                registry.credentials(context.environment(), err),
                context.clock(),
                line -> {
                    out.println(line);
                    out.flush();
                },
                warning -> {
                    err.println("imagestreams watch: " + warning);
                    err.flush();
                },
                UnaryOperator.identity());
    }

    private TriggerPolicy policy() {
        Duration quiet = once ? Duration.ZERO : Duration.ofSeconds(quietSeconds);
        TriggerPolicy defaults = TriggerPolicy.DEFAULT;
        Duration maxWait = defaults.maxQuietWait().compareTo(quiet) < 0 ? quiet : defaults.maxQuietWait();
        return new TriggerPolicy(
                defaults.firstRun(), defaults.cooldown(), quiet, maxWait, defaults.runsPerStreamPerMinute());
    }
}
