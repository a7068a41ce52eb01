package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Where the command line finds credentials: environment variables named after the ID, then a Docker config. */
public class CliCredentialsTest {
    private static final ImageReference HUB = ImageReference.parse("python:3.12");
    private static final ImageReference QUAY = ImageReference.parse("quay.io/org/app:1");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path config(final String json) throws Exception {
        return CliRunner.write(temp.newFile().toPath(), json);
    }

    private static String base64(final String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void shouldNameTheVariablesAfterTheId() {
        assertThat(CliCredentials.variable("quay-robot", "TOKEN"))
                .isEqualTo("IMAGESTREAMS_CREDENTIALS_QUAY_ROBOT_TOKEN");
        assertThat(CliCredentials.variable("team/docker.hub@ci", "USERNAME"))
                .isEqualTo("IMAGESTREAMS_CREDENTIALS_TEAM_DOCKER_HUB_CI_USERNAME");
    }

    @Test
    public void shouldPreferATokenThenAUserFromTheEnvironmentThenTheDockerConfig() throws Exception {
        DockerConfig docker =
                DockerConfig.read(config("{\"auths\": {\"quay.io\": {\"auth\": \"" + base64("q:p") + "\"}}}"));
        CliCredentials credentials = new CliCredentials(
                Map.of(
                        "IMAGESTREAMS_CREDENTIALS_A_TOKEN", "t0k3n",
                        "IMAGESTREAMS_CREDENTIALS_A_USERNAME", "ignored",
                        "IMAGESTREAMS_CREDENTIALS_B_USERNAME", "bob",
                        "IMAGESTREAMS_CREDENTIALS_B_PASSWORD", "pw"),
                new DockerCredentials(docker, Map.of(), CredentialHelper.DEFAULT_BOUND, line -> {}),
                line -> {});

        assertThat(credentials.resolve("a", QUAY)).contains(RegistryCredentials.token("t0k3n"));
        assertThat(credentials.resolve("b", QUAY)).contains(RegistryCredentials.usernamePassword("bob", "pw"));
        assertThat(credentials.resolve("c", QUAY)).contains(RegistryCredentials.usernamePassword("q", "p"));
        assertThat(credentials.resolve("c", HUB)).isEmpty();
        assertThat(credentials.forReference(Optional.empty(), HUB)).isEqualTo(RegistryCredentials.anonymous());
        assertThat(credentials.forReference(Optional.empty(), QUAY))
                .isEqualTo(RegistryCredentials.usernamePassword("q", "p"));
    }

    @Test
    public void shouldNormaliseDockerConfigKeysAsDockerDoes() throws Exception {
        DockerConfig docker = DockerConfig.read(config("{\"auths\": {"
                + "\"https://index.docker.io/v1/\": {\"auth\": \"" + base64("hub:secret") + "\"},"
                + "\"HTTPS://Registry.Example.com:5000/v2/\": {\"username\": \"u\", \"password\": \"p\"},"
                + "\"ghcr.io\": {\"registrytoken\": \"gh-token\"},"
                + "\"ecr.example.com\": {\"identitytoken\": \"refresh\"}},"
                + "\"credHelpers\": {\"gcr.io\": \"gcloud\"}}"));

        assertThat(docker.authsEntry(HUB)).contains(RegistryCredentials.usernamePassword("hub", "secret"));
        assertThat(docker.authsEntry(ImageReference.parse("registry.example.com:5000/app")))
                .contains(RegistryCredentials.usernamePassword("u", "p"));
        assertThat(docker.authsEntry(ImageReference.parse("ghcr.io/org/app")))
                .contains(RegistryCredentials.token("gh-token"));
        assertThat(docker.authsEntry(ImageReference.parse("ecr.example.com/app")))
                .isEmpty();
        assertThat(DockerConfig.key("registry-1.docker.io")).isEqualTo("docker.io");
    }

    @Test
    public void shouldRejectUnreadableEntriesWithoutShowingThem() throws Exception {
        Path notBase64 = config("{\"auths\": {\"quay.io\": {\"auth\": \"not base64 s3cr3t!\"}}}");
        Path noColon = config("{\"auths\": {\"quay.io\": {\"auth\": \"" + base64("s3cr3t") + "\"}}}");
        Path notJson = config("s3cr3t");

        assertThatThrownBy(() -> DockerConfig.read(notBase64))
                .hasMessage("--docker-config " + notBase64 + ": auths.quay.io.auth is not base64");
        assertThatThrownBy(() -> DockerConfig.read(noColon))
                .hasMessage("--docker-config " + noColon + ": auths.quay.io.auth is not base64 of user:password");
        assertThatThrownBy(() -> DockerConfig.read(notJson))
                .hasMessage("--docker-config " + notJson + ": not a readable JSON file")
                .isInstanceOfSatisfying(
                        CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(2));
    }
}
