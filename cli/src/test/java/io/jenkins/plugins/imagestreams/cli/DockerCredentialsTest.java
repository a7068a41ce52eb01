package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Docker credential helpers run as Docker's CLI runs them: real helper programs (shell scripts speaking the helper
 * protocol) on the environment's {@code PATH}, chosen by {@code credHelpers}, then {@code credsStore}, then
 * {@code auths}.
 */
public class DockerCredentialsTest {
    private static final ImageReference QUAY = ImageReference.parse("quay.io/org/app:1");
    private static final ImageReference GHCR = ImageReference.parse("ghcr.io/org/app:1");
    private static final ImageReference HUB = ImageReference.parse("python:3.12");
    private static final ImageReference OTHER = ImageReference.parse("registry.example.com:5000/app:1");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private HelperScripts helpers;
    private final List<String> warnings = new ArrayList<>();

    @Before
    public void createHelperDirectory() throws Exception {
        helpers = new HelperScripts(temp.newFolder("bin").toPath());
    }

    private DockerCredentials credentials(final String json) throws Exception {
        return credentials(json, CredentialHelper.DEFAULT_BOUND);
    }

    private DockerCredentials credentials(final String json, final Duration bound) throws Exception {
        DockerConfig config = DockerConfig.read(CliRunner.write(temp.newFile().toPath(), json));
        return new DockerCredentials(config, helpers.environment(), bound, warnings::add);
    }

    private static String auths(final String registry, final String user, final String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "\"" + registry + "\": {\"auth\": \"" + auth + "\"}";
    }

    @Test
    public void shouldPreferTheRegistrysHelperThenCredsStoreThenAuths() throws Exception {
        helpers.storing("quay", "quay.io", "quay-user", "quay-secret")
                .storing("store", DockerCredentials.DOCKER_HUB_SERVER, "hub-user", "hub-secret");
        DockerCredentials docker = credentials("{\"auths\": {" + auths("quay.io", "file", "file-secret") + ", "
                + auths("ghcr.io", "gh", "gh-secret") + "},"
                + " \"credHelpers\": {\"https://Quay.io/v2/\": \"quay\", \"ghcr.io\": \"\"},"
                + " \"credsStore\": \"store\"}");

        assertThat(docker.lookup(QUAY).credentials())
                .contains(RegistryCredentials.usernamePassword("quay-user", "quay-secret"));
        assertThat(docker.lookup(HUB).credentials())
                .contains(RegistryCredentials.usernamePassword("hub-user", "hub-secret"));
        assertThat(docker.lookup(GHCR).credentials())
                .as("an empty credHelpers entry exempts the registry from credsStore, as in Docker")
                .contains(RegistryCredentials.usernamePassword("gh", "gh-secret"));
        assertThat(docker.lookup(OTHER)).isEqualTo(DockerCredentials.Lookup.of(Optional.empty()));
        assertThat(helpers.calls("quay")).containsExactly("quay.io");
        assertThat(helpers.calls("store"))
                .containsExactly(DockerCredentials.DOCKER_HUB_SERVER, "registry.example.com:5000");
        assertThat(warnings).isEmpty();
    }

    @Test
    public void shouldAskAHelperOncePerRegistryAndOnlyForRegistriesUsed() throws Exception {
        helpers.storing("quay", "quay.io", "quay-user", "quay-secret").storing("gh", "ghcr.io", "u", "s");
        DockerCredentials docker = credentials("{\"credHelpers\": {\"quay.io\": \"quay\", \"ghcr.io\": \"gh\"}}");

        docker.lookup(QUAY);
        docker.lookup(ImageReference.parse("quay.io/other/image:2"));

        assertThat(docker.lookup(QUAY).credentials())
                .contains(RegistryCredentials.usernamePassword("quay-user", "quay-secret"));
        assertThat(helpers.calls("quay")).containsExactly("quay.io");
        assertThat(helpers.calls("gh")).isEmpty();
    }

    @Test
    public void shouldTakeNotFoundAsNoCredentialsEvenWithAnAuthsEntry() throws Exception {
        helpers.storing("store", "elsewhere.example.com", "u", "s");
        DockerCredentials docker =
                credentials("{\"auths\": {" + auths("quay.io", "file", "p") + "}, \"credsStore\": \"store\"}");

        assertThat(docker.lookup(QUAY)).isEqualTo(DockerCredentials.Lookup.of(Optional.empty()));
        assertThat(helpers.calls("store")).containsExactly("quay.io");
    }

    @Test
    public void shouldFallBackToAuthsWithOneWarningWhenTheHelperIsNotOnPath() throws Exception {
        DockerCredentials docker =
                credentials("{\"auths\": {" + auths("quay.io", "file", "p") + "}, \"credsStore\": \"desktop\"}");

        assertThat(docker.lookup(QUAY).credentials()).contains(RegistryCredentials.usernamePassword("file", "p"));
        assertThat(docker.lookup(QUAY).credentials()).contains(RegistryCredentials.usernamePassword("file", "p"));
        assertThat(docker.lookup(GHCR).credentials()).isEmpty();
        assertThat(docker.lookup(GHCR)).isEqualTo(DockerCredentials.Lookup.of(Optional.empty()));
        assertThat(warnings)
                .containsExactly(
                        "warning: credential helper docker-credential-desktop (credsStore of"
                                + " --docker-config) is not on PATH; using the auths entry for quay.io",
                        "warning: credential helper docker-credential-desktop (credsStore of"
                                + " --docker-config) is not on PATH; no credentials for ghcr.io (anonymous, as docker"
                                + " pull goes on)");
    }

    @Test
    public void shouldReportAFailingHelperWithoutWhatItWrote() throws Exception {
        helpers.write("broken", "echo 'leaked-s3cr3t'", "exit 1");

        DockerCredentials.Lookup lookup =
                credentials("{\"credHelpers\": {\"quay.io\": \"broken\"}}").lookup(QUAY);

        assertThat(lookup.problem())
                .contains("quay.io: credential helper docker-credential-broken failed with exit" + " code 1");
        assertThat(lookup.credentials()).isEmpty();
    }

    @Test
    public void shouldStopAHelperThatTakesLongerThanTheBound() throws Exception {
        helpers.write("slow", "exec sleep 30");

        DockerCredentials.Lookup lookup = credentials("{\"credsStore\": \"slow\"}", Duration.ofMillis(500))
                .lookup(QUAY);

        assertThat(lookup.problem())
                .contains("quay.io: credential helper docker-credential-slow did not answer within 500 ms");
        assertThat(helpers.calls("slow")).containsExactly("quay.io");
    }

    @Test
    public void shouldRefuseAnIdentityTokenWithoutShowingIt() throws Exception {
        helpers.write(
                "oauth",
                "echo '{\"ServerURL\": \"quay.io\", \"Username\": \"<token>\", \"Secret\": \"refresh-s3cr3t\"}'");

        DockerCredentials.Lookup lookup =
                credentials("{\"credsStore\": \"oauth\"}").lookup(QUAY);

        assertThat(lookup.credentials()).isEmpty();
        assertThat(lookup.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("quay.io: credential helper docker-credential-oauth answered with an identity"
                                + " token (Username <token>, an OAuth2 refresh token)")
                        .doesNotContain("refresh-s3cr3t"));
    }

    @Test
    public void shouldRefuseAnAnswerThatIsTooLargeOrNoCredentialJson() throws Exception {
        helpers.write("chatty", "head -c 70000 /dev/zero | tr '\\000' a")
                .write("prose", "echo 'user=u secret=leaked-s3cr3t'");

        DockerCredentials docker = credentials("{\"credHelpers\": {\"quay.io\": \"chatty\", \"ghcr.io\": \"prose\"}}");

        assertThat(docker.lookup(QUAY).problem())
                .contains("quay.io: credential helper docker-credential-chatty wrote more than 65536 bytes");
        assertThat(docker.lookup(GHCR).problem())
                .contains("ghcr.io: credential helper docker-credential-prose answered with something other than"
                        + " the JSON {\"ServerURL\", \"Username\", \"Secret\"}");
    }

    @Test
    public void shouldRejectAHelperNamedByAPath() throws Exception {
        Path file = CliRunner.write(temp.newFile().toPath(), "{\"credHelpers\": {\"quay.io\": \"../../bin/sh\"}}");

        assertThatThrownBy(() -> DockerConfig.read(file))
                .isInstanceOf(CliFailure.class)
                .hasMessage("--docker-config " + file + ": credHelpers.quay.io must name a helper by the suffix of its"
                        + " program docker-credential-<name>, not by a path");
    }

    @Test
    public void shouldReportAHelpersProblemOnceForTagsAndFailAReference() throws Exception {
        helpers.write("broken", "exit 1");
        CliCredentials credentials =
                new CliCredentials(Map.of(), credentials("{\"credsStore\": \"broken\"}"), warnings::add);
        String problem = "quay.io: credential helper docker-credential-broken failed with exit code 1";

        assertThat(credentials.resolve("quay", QUAY)).isEmpty();
        assertThat(credentials.resolve("quay", QUAY)).isEmpty();
        assertThatThrownBy(() -> credentials.forReference(Optional.empty(), QUAY))
                .isInstanceOfSatisfying(
                        CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(1))
                .hasMessage(problem);
        assertThat(warnings).containsExactly(problem);
        assertThat(helpers.calls("broken")).hasSize(1);
    }
}
