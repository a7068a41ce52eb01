package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import java.util.List;
import org.junit.Test;

public class ImageStreamEnvironmentContributorTest {
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    @Test
    public void shouldSetUnsuffixedVariablesFromSingleCause() {
        EnvVars env = new EnvVars();

        ImageStreamEnvironmentContributor.contribute(
                List.of(new ImageStreamCause("app", "latest", null, D1, "r.example/app@" + D1, "poll")), env);

        assertThat(env)
                .containsEntry("IMAGESTREAM_NAME", "app")
                .containsEntry("IMAGESTREAM_TAG", "latest")
                .containsEntry("IMAGESTREAM_DIGEST", D1)
                .containsEntry("IMAGESTREAM_PREVIOUS_DIGEST", "")
                .containsEntry("IMAGESTREAM_PULLSPEC", "r.example/app@" + D1)
                .doesNotContainKey("IMAGESTREAM_NAME_1");
    }

    @Test
    public void shouldSetSuffixedVariablesForEachOfSeveralCauses() {
        EnvVars env = new EnvVars();

        ImageStreamEnvironmentContributor.contribute(
                List.of(
                        new ImageStreamCause("app", "latest", D1, D2, "r.example/app@" + D2, "poll"),
                        new ImageStreamCause("app", "stable", null, D3, "r.example/app@" + D3, "tag")),
                env);

        assertThat(env)
                .containsEntry("IMAGESTREAM_TAG", "latest")
                .containsEntry("IMAGESTREAM_TAG_1", "latest")
                .containsEntry("IMAGESTREAM_PREVIOUS_DIGEST_1", D1)
                .containsEntry("IMAGESTREAM_TAG_2", "stable")
                .containsEntry("IMAGESTREAM_DIGEST_2", D3)
                .containsEntry("IMAGESTREAM_PULLSPEC_2", "r.example/app@" + D3)
                .doesNotContainKey("IMAGESTREAM_TAG_3");
    }

    @Test
    public void shouldDescribeTheChangeBriefly() {
        ImageStreamCause cause = new ImageStreamCause("app", "latest", D1, D2, "r.example/app@" + D2, "poll");

        assertThat(cause.getShortDescription())
                .isEqualTo("Started by ImageStream app:latest (poll) sha256:111111111111 \u2192 sha256:222222222222");
    }
}
