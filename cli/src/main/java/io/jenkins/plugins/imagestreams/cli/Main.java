package io.jenkins.plugins.imagestreams.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code imagestreams}: the ImageStreams engine without Jenkins. It reads the same {@code unclassified: imageStreams:}
 * JCasC section as the plugin, with the same rules, and runs the same core engine against real registries.
 */
@Command(
        name = "imagestreams",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks, describes, resolves and watches ImageStreams defined in a JCasC file, without Jenkins.",
        subcommands = {
            CheckCommand.class,
            DescribeCommand.class,
            ResolveCommand.class,
            WatchCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a tag failed to resolve, or the file is invalid",
            "2:usage error (unknown option, missing file, unknown stream)"
        })
public final class Main implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    Main(final CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(CliContext.system(), out, err, args));
    }

    /**
     * Runs the command line.
     *
     * @param context the process's environment, terminal and clock
     * @param out standard output: results
     * @param err standard error: problems and progress
     * @param args the arguments
     * @return the exit code: 0 success, 1 a tag failed to resolve or the file is invalid, 2 usage error
     */
    static int execute(final CliContext context, final PrintWriter out, final PrintWriter err, final String... args) {
        CommandLine commandLine = new CommandLine(new Main(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                failure.lines().forEach(cmd.getErr()::println);
                cmd.getErr().flush();
                return failure.exitCode();
            }
            cmd.getErr().println("imagestreams: " + e);
            cmd.getErr().flush();
            return ExitCodes.FAILED;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"imagestreams " + (version == null ? "(development build)" : version)};
        }
    }
}
