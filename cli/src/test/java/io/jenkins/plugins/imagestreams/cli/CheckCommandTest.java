package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.testing.jcasc.JcascExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code check} on the JCasC the project publishes (the README, docs/admin/jcasc.md and the sample file the JCasC
 * ITest applies) and on the broken files, each of which must fail with its path, line and rule.
 */
public class CheckCommandTest {
    /** The plugin's directory: this module sits in {@code cli/}. */
    static final Path PLUGIN = Path.of("..");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final CliRunner cli = CliRunner.plain();

    @Test
    public void shouldAcceptTheSampleFileTheJcascITestApplies() {
        CliRunner.Result result =
                cli.run("check", PLUGIN.resolve(JcascExamples.SAMPLE).toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines())
                .containsExactly(
                        PLUGIN.resolve(JcascExamples.SAMPLE) + ": valid: 2 image stream(s), 3 tag(s)",
                        "  python: 3.12, latest",
                        "  app: base");
        assertThat(result.err()).isEmpty();
    }

    @Test
    public void shouldAcceptEveryPublishedExample() throws Exception {
        List<JcascExamples.Example> examples = JcascExamples.published(PLUGIN);

        assertThat(examples).extracting(JcascExamples.Example::name).contains("README.md#1", "docs/admin/jcasc.md#1");
        for (JcascExamples.Example example : examples) {
            Path file = CliRunner.write(temp.newFile().toPath(), example.yaml());
            CliRunner.Result result = cli.run("check", file.toString());

            assertThat(result.exitCode()).as(example.name() + "\n" + result).isZero();
            assertThat(result.out()).as(example.name()).startsWith(file + ": valid: ");
        }
    }

    @Test
    public void shouldRejectEachBrokenFileWithItsPathLineAndRule() {
        List<JcascExamples.Broken> broken = JcascExamples.broken(PLUGIN);
        List<String> mismatches = new ArrayList<>();
        for (JcascExamples.Broken file : broken) {
            CliRunner.Result result = cli.run("check", file.file().toString());
            String expected = file.file() + ":" + lineOfPath(file) + ": " + file.expected() + "\n";
            if (result.exitCode() != 1
                    || !result.err().equals(expected)
                    || !result.out().isEmpty()) {
                mismatches.add(file + ": expected exit 1 and\n" + expected + "but got " + result);
            }
        }

        assertThat(broken).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mismatches).isEmpty();
    }

    @Test
    public void shouldPointAtTheLineOfTheOffendingKey() {
        Path file = PLUGIN.resolve(
                "src/test/resources/io/jenkins/plugins/imagestreams/core/spec/broken/20-unknown-attribute.yaml");

        assertThat(cli.run("check", file.toString()).err()).startsWith(file + ":11: ");
    }

    @Test
    public void shouldReportEveryProblemOfAFileOnItsOwnLine() throws Exception {
        Path file = CliRunner.write(
                temp.newFile("two.yaml").toPath(),
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: Web",
                "      - name: ok",
                "        historyRevisions: lots");

        CliRunner.Result result = cli.run("check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines())
                .containsExactly(
                        file + ":4: unclassified.imageStreams.streams[0].name: must consist of lower case letters and"
                                + " digits, separated by single '.', '_' or '-' (^[a-z0-9]+(?:[._-][a-z0-9]+)*$) (got"
                                + " 'Web')",
                        file + ":6: unclassified.imageStreams.streams[1].historyRevisions: must be a whole number"
                                + " between 1 and 1000 (got 'lots')");
    }

    @Test
    public void shouldSayWhenAFileHasNoImageStreams() throws Exception {
        Path file = CliRunner.write(temp.newFile("other.yaml").toPath(), "jenkins:", "  systemMessage: hello");

        CliRunner.Result result = cli.run("check", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(file + ": no unclassified.imageStreams section, nothing to check\n");
    }

    @Test
    public void shouldRejectInvalidYamlWithItsLine() throws Exception {
        Path file = CliRunner.write(
                temp.newFile("bad.yaml").toPath(), "unclassified:", "  imageStreams:", "    streams: [", "  x: }");

        CliRunner.Result result = cli.run("check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith(file + ":4: not valid YAML: ");
    }

    @Test
    public void shouldRejectSeveralDocumentsAsJcascDoes() throws Exception {
        Path file = CliRunner.write(temp.newFile("two-docs.yaml").toPath(), "a: 1", "---", "b: 2");

        CliRunner.Result result = cli.run("check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not valid YAML: ").contains("single document");
    }

    @Test
    public void shouldCallAMissingFileAUsageError() {
        CliRunner.Result result = cli.run("check", "no/such/file.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("no/such/file.yaml: no such file\n");
    }

    @Test
    public void shouldCallUnknownOptionsAndCommandsUsageErrors() {
        assertThat(cli.run("check", "--frobnicate", "x.yaml").exitCode()).isEqualTo(2);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(cli.run().exitCode()).isEqualTo(2);
        assertThat(cli.run("check").err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    public void shouldPrintHelpAndVersion() {
        CliRunner.Result help = cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "describe", "resolve", "watch", "Exit codes:");
        assertThat(cli.run("--version").out()).startsWith("imagestreams ");
    }

    /** The line of the expected path's nearest key in the file, found by reading the file as YAML. */
    private static int lineOfPath(final JcascExamples.Broken file) {
        String path = file.expected().substring(0, file.expected().indexOf(": "));
        return JcascFile.load(file.file()).lineOf(path);
    }
}
