package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code ${...}} in JCasC files, resolved as JCasC resolves them before the plugin sees a value. */
public class JcascVariablesTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldCheckTheValuesJenkinsWouldApply() throws Exception {
        Path file = CliRunner.write(
                temp.newFile("vars.yaml").toPath(),
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: \"${STREAM}\"",
                "        importIntervalMinutes: \"${INTERVAL:-30}\"",
                "        description: \"literal ^${NOT_A_VARIABLE}\"",
                "        tags:",
                "          - name: \"${TAG_PREFIX}-${TAG_SUFFIX:-stable}\"",
                "            from:",
                "              registryImage:",
                "                image: \"${REGISTRY}/library/python:3.12\"");

        CliRunner.Result result = CliRunner.plain()
                .withEnvironment(Map.of("STREAM", "python", "TAG_PREFIX", "v3", "REGISTRY", "quay.io"))
                .run("check", file.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("valid: 1 image stream(s), 1 tag(s)").contains("python: v3-stable");
    }

    @Test
    public void shouldWarnAboutAVariableThatResolvesToNothingAndCheckTheEmptyValue() throws Exception {
        Path file = CliRunner.write(
                temp.newFile("unset.yaml").toPath(),
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: \"${STREAM_NAME}\"");

        CliRunner.Result result = CliRunner.plain().run("check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines())
                .containsExactly(
                        file + ":4: unclassified.imageStreams.streams[0].name: ${STREAM_NAME} resolved to nothing (no"
                                + " such system property or environment variable); replaced with an empty string, as"
                                + " JCasC does",
                        file + ":4: unclassified.imageStreams.streams[0].name: must not be empty (got '')");
    }

    @Test
    public void shouldReadFilesAndBase64AsJcascsPrefixesDo() throws Exception {
        Path description = temp.newFile("description.txt").toPath();
        Files.writeString(description, "Python base images", StandardCharsets.UTF_8);
        JcascVariables variables = new JcascVariables(Map.of("NAME", "python"), new java.util.Properties());

        Object resolved = variables.resolve(
                Map.of(
                        "file", "${readFile:" + description + "}",
                        "encoded", "${base64:${NAME}}",
                        "decoded", "${decodeBase64:cHl0aG9u}",
                        "broken", "${decodeBase64:%%%}"),
                (path, names) -> assertThat(path).isEqualTo("broken"));

        assertThat(resolved)
                .isEqualTo(Map.of(
                        "file", "Python base images",
                        "encoded", "cHl0aG9u",
                        "decoded", "python",
                        "broken", ""));
    }
}
