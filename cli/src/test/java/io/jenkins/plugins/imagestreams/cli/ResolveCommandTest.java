package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import io.jenkins.plugins.imagestreams.testing.registry.PushedIndex;
import org.junit.ClassRule;
import org.junit.Test;

/** {@code resolve} against a real registry on plain HTTP: the digest {@code docker pull} shows, and failures. */
public class ResolveCommandTest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    private final CliRunner cli = CliRunner.plain();

    @Test
    public void shouldPrintTheDigestTheRegistryReports() throws Exception {
        String digest = registry.pushImage("resolve/app", "v1", ManifestFormat.DOCKER_SCHEMA2);

        CliRunner.Result result = cli.run("resolve", "--insecure", registry.imageReference("resolve/app", "v1"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(digest + "\n");
        assertThat(registry.headDigest("resolve/app", "v1")).contains(digest);
    }

    @Test
    public void shouldPrintEachPlatformOfAnIndex() throws Exception {
        PushedIndex index =
                registry.pushIndex("resolve/multi", "1.0", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64/v8");

        CliRunner.Result result =
                cli.run("resolve", "--insecure", "--platforms", registry.imageReference("resolve/multi", "1.0"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines())
                .containsExactly(
                        index.digest(),
                        String.format("%-16s %s", "linux/amd64", index.childDigest("linux/amd64")),
                        String.format("%-16s %s", "linux/arm64", index.childDigest("linux/arm64/v8")));
    }

    @Test
    public void shouldPrintJsonForScripts() throws Exception {
        PushedIndex index = registry.pushIndex("resolve/json", "1.0", IndexFormat.DOCKER_MANIFEST_LIST, "linux/amd64");
        String reference = registry.imageReference("resolve/json", "1.0");

        CliRunner.Result result = cli.run("resolve", "--insecure", "--platforms", "-o", "json", reference);

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("reference").asText()).isEqualTo(reference);
        assertThat(json.get("digest").asText()).isEqualTo(index.digest());
        assertThat(json.get("mediaType").asText()).isEqualTo(IndexFormat.DOCKER_MANIFEST_LIST.mediaType());
        assertThat(json.get("pullSpec").asText()).isEqualTo(registry.hostAndPort() + "/resolve/json@" + index.digest());
        assertThat(json.get("platforms").get("linux/amd64").asText()).isEqualTo(index.childDigest("linux/amd64"));
    }

    @Test
    public void shouldFailWithTheReasonWhenTheTagIsMissing() {
        String reference = registry.imageReference("resolve/app", "missing");

        CliRunner.Result result = cli.run("resolve", "--insecure", reference);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("NotFound: " + reference + ": ");
    }

    @Test
    public void shouldRefusePlainHttpUnlessAskedTo() throws Exception {
        registry.pushImage("resolve/secure", "v1", ManifestFormat.OCI_MANIFEST);

        CliRunner.Result result = cli.run("resolve", "--timeout", "5", registry.imageReference("resolve/secure", "v1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Unavailable: ");
    }

    @Test
    public void shouldCallAnInvalidReferenceAUsageError() {
        CliRunner.Result result = cli.run("resolve", "Not A Reference");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("REFERENCE: image reference: invalid reference format");
    }

    @Test
    public void shouldCallUnknownCredentialsAUsageError() {
        CliRunner.Result result =
                cli.run("resolve", "--credentials", "quay-robot", registry.imageReference("resolve/app", "v1"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("--credentials quay-robot: neither IMAGESTREAMS_CREDENTIALS_QUAY_ROBOT_TOKEN nor"
                        + " IMAGESTREAMS_CREDENTIALS_QUAY_ROBOT_USERNAME and IMAGESTREAMS_CREDENTIALS_QUAY_ROBOT_PASSWORD"
                        + " is set");
    }
}
