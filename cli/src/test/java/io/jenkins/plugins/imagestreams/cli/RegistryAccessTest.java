package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Credentials and trust against real registries: htpasswd over TLS with the registry's own CA, credentials from the
 * environment, from a Docker config file and from its credential helpers (real helper programs on the environment's
 * {@code PATH}), and a wrong password, which never shows in the output.
 */
public class RegistryAccessTest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.htpasswd().withTls();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldTrustTheGivenCaAndUseCredentialsFromTheEnvironment() throws Exception {
        String digest = registry.pushImage("access/app", "v1", ManifestFormat.OCI_MANIFEST);
        CliRunner cli = CliRunner.plain()
                .withEnvironment(Map.of(
                        "IMAGESTREAMS_CREDENTIALS_LOCAL_REG_USERNAME", registry.username(),
                        "IMAGESTREAMS_CREDENTIALS_LOCAL_REG_PASSWORD", registry.password()));

        CliRunner.Result result = cli.run(
                "resolve",
                "--ca-file",
                registry.caCertificatePem().toString(),
                "--credentials",
                "local-reg",
                registry.imageReference("access/app", "v1"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(digest + "\n");
    }

    @Test
    public void shouldTakeCredentialsFromADockerConfig() throws Exception {
        String digest = registry.pushImage("access/docker", "v1", ManifestFormat.DOCKER_SCHEMA2);
        Path config = dockerConfig("https://" + registry.hostAndPort() + "/v1/", registry.password());

        CliRunner.Result result = resolveWith(config, registry.imageReference("access/docker", "v1"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(digest + "\n");
        assertThat(result.err())
                .as("credsStore desktop is not on PATH: Docker's CLI, too, then uses the auths entry")
                .isEqualTo("imagestreams: warning: credential helper docker-credential-desktop (credsStore of"
                        + " --docker-config) is not on PATH; using the auths entry for " + registry.hostAndPort()
                        + "\n");
    }

    @Test
    public void shouldDescribeWithCredentialsFromTheRegistrysHelperAskedOnce() throws Exception {
        String v1 = registry.pushImage("access/helper", "v1", ManifestFormat.OCI_MANIFEST);
        String v2 = registry.pushImage("access/helper", "v2", ManifestFormat.DOCKER_SCHEMA2);
        HelperScripts helpers = new HelperScripts(temp.newFolder("bin").toPath())
                .storing("lab", registry.hostAndPort(), registry.username(), registry.password())
                .storing("unused", registry.hostAndPort(), registry.username(), registry.password());
        Path config = CliRunner.write(
                temp.newFile("helpers.json").toPath(),
                "{\"auths\": {\"" + registry.hostAndPort() + "\": {\"auth\": \""
                        + base64(registry.username() + ":wrong-password") + "\"}},",
                " \"credHelpers\": {\"" + registry.hostAndPort() + "\": \"lab\", \"quay.io\": \"unused\"},",
                " \"credsStore\": \"unused\"}");
        Path file = CliRunner.write(
                temp.newFile("helper.yaml").toPath(),
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: \"app\"",
                "        tags:",
                "          - name: \"v1\"",
                "            credentialsId: \"from-docker\"",
                "            from: {registryImage: {image: \"" + registry.imageReference("access/helper", "v1")
                        + "\"}}",
                "          - name: \"v2\"",
                "            credentialsId: \"from-docker\"",
                "            from: {registryImage: {image: \"" + registry.imageReference("access/helper", "v2")
                        + "\"}}");

        CliRunner.Result result = CliRunner.plain()
                .withEnvironment(helpers.environment())
                .run(
                        "describe",
                        "--ca-file",
                        registry.caCertificatePem().toString(),
                        "--docker-config",
                        config.toString(),
                        file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(v1, v2);
        assertThat(result.out() + result.err()).doesNotContain(registry.password());
        assertThat(helpers.calls("lab")).containsExactly(registry.hostAndPort());
        assertThat(helpers.calls("unused")).isEmpty();
    }

    @Test
    public void shouldResolveWithCredentialsFromCredsStore() throws Exception {
        String digest = registry.pushImage("access/store", "v1", ManifestFormat.OCI_MANIFEST);
        HelperScripts helpers = new HelperScripts(temp.newFolder("bin").toPath())
                .storing("pass", registry.hostAndPort(), registry.username(), registry.password());
        Path config = CliRunner.write(temp.newFile("store.json").toPath(), "{\"credsStore\": \"pass\"}");

        CliRunner.Result result =
                resolveWith(helpers.environment(), config, registry.imageReference("access/store", "v1"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(digest + "\n");
        assertThat(result.err()).isEmpty();
        assertThat(helpers.calls("pass")).containsExactly(registry.hostAndPort());
    }

    @Test
    public void shouldFailAResolveWhoseHelperFailsWithoutShowingWhatItWrote() throws Exception {
        registry.pushImage("access/broken", "v1", ManifestFormat.OCI_MANIFEST);
        HelperScripts helpers = new HelperScripts(temp.newFolder("bin").toPath())
                .write("broken", "echo 'password was " + registry.password() + "'", "exit 1");
        Path config = CliRunner.write(temp.newFile("broken.json").toPath(), "{\"credsStore\": \"broken\"}");

        CliRunner.Result result =
                resolveWith(helpers.environment(), config, registry.imageReference("access/broken", "v1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo(registry.hostAndPort() + ": credential helper docker-credential-broken failed with exit"
                        + " code 1\n");
    }

    @Test
    public void shouldFailUnauthorizedWithoutShowingTheSecret() throws Exception {
        registry.pushImage("access/secret", "v1", ManifestFormat.OCI_MANIFEST);
        String wrong = "wrong-password-4f9c2e";
        Path config = dockerConfig(registry.hostAndPort(), wrong);

        CliRunner.Result result = resolveWith(config, "-o", "json", registry.imageReference("access/secret", "v1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines())
                .satisfiesExactly(
                        warning -> assertThat(warning).contains("docker-credential-desktop", "is not on PATH"),
                        failure -> assertThat(failure).startsWith("Unauthorized: "));
        assertThat(result.out() + result.err())
                .doesNotContain(wrong)
                .doesNotContain(base64(registry.username() + ":" + wrong));
    }

    @Test
    public void shouldFailUnavailableWithoutTheCa() throws Exception {
        registry.pushImage("access/untrusted", "v1", ManifestFormat.OCI_MANIFEST);

        CliRunner.Result result =
                CliRunner.plain().run("resolve", "--timeout", "5", registry.imageReference("access/untrusted", "v1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Unavailable: ");
    }

    @Test
    public void shouldTrustTheCaOfTheFilesRegistrySettingsWithoutCaFile() throws Exception {
        String digest = registry.pushImage("access/settings", "v1", ManifestFormat.OCI_MANIFEST);
        List<String> lines = new ArrayList<>(List.of(
                "unclassified:",
                "  imageStreams:",
                "    registries:",
                "      - registry: \"" + registry.hostAndPort() + "\"",
                "        caCertificates: |"));
        java.nio.file.Files.readAllLines(registry.caCertificatePem()).forEach(line -> lines.add("          " + line));
        lines.addAll(List.of(
                "    streams:",
                "      - name: \"app\"",
                "        tags:",
                "          - name: \"v1\"",
                "            credentialsId: \"local-reg\"",
                "            from: {registryImage: {image: \"" + registry.imageReference("access/settings", "v1")
                        + "\"}}"));
        Path file = CliRunner.write(temp.newFile("settings.yaml").toPath(), lines.toArray(String[]::new));
        CliRunner cli = CliRunner.plain()
                .withEnvironment(Map.of(
                        "IMAGESTREAMS_CREDENTIALS_LOCAL_REG_USERNAME", registry.username(),
                        "IMAGESTREAMS_CREDENTIALS_LOCAL_REG_PASSWORD", registry.password()));

        CliRunner.Result trusted = cli.run("describe", "--timeout", "5", file.toString());
        Path withoutCa = CliRunner.write(
                temp.newFile("no-ca.yaml").toPath(),
                lines.stream()
                        .filter(line -> !line.startsWith("          -----")
                                && !line.matches(" {10}[A-Za-z0-9+/=]+")
                                && !line.contains("registries:")
                                && !line.contains("- registry:")
                                && !line.contains("caCertificates:"))
                        .toArray(String[]::new));
        CliRunner.Result untrusted = cli.run("describe", "--timeout", "5", withoutCa.toString());

        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(trusted.out()).contains(digest);
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(1);
        assertThat(untrusted.out() + untrusted.err()).doesNotContain(digest).contains("Unavailable");
    }

    private static CliRunner.Result resolveWith(final Path dockerConfig, final String... args) {
        return resolveWith(Map.of(), dockerConfig, args);
    }

    private static CliRunner.Result resolveWith(
            final Map<String, String> environment, final Path dockerConfig, final String... args) {
        List<String> all = new ArrayList<>(List.of(
                "resolve",
                "--ca-file",
                registry.caCertificatePem().toString(),
                "--docker-config",
                dockerConfig.toString()));
        all.addAll(List.of(args));
        return CliRunner.plain().withEnvironment(environment).run(all.toArray(String[]::new));
    }

    private Path dockerConfig(final String key, final String password) throws Exception {
        return CliRunner.write(
                temp.newFile("config.json").toPath(),
                "{\"auths\": {\"" + key + "\": {\"auth\": \"" + base64(registry.username() + ":" + password) + "\"}},",
                " \"credsStore\": \"desktop\"}");
    }

    private static String base64(final String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
