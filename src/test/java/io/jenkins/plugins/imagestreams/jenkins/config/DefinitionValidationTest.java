package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.spec.SpecNumber;
import org.junit.Test;

/** The form's field checks give the core's messages, naming the field and the rule. */
public class DefinitionValidationTest {
    private final DefinitionValidation validation = new DefinitionValidation();

    @Test
    public void shouldAcceptValidValues() {
        assertThat(validation.streamName("python-base").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.tagName("3.12-slim").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.optionalStreamName("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.digest("sha256:" + "a".repeat(64)).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.platforms("linux/amd64, linux/arm64/v8").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.platforms("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.importMode("Legacy").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.number(SpecNumber.IMPORT_INTERVAL_MINUTES, "15").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(validation.number(SpecNumber.HISTORY_REVISIONS, "1000").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    public void shouldShowNormalisedImageReference() {
        FormValidation result = validation.imageReference("python:3.12");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.renderHtml()).contains("docker.io/library/python:3.12");
        assertThat(validation.imageReference("docker.io/library/python:3.12").renderHtml())
                .doesNotContain("=");
    }

    @Test
    public void shouldSayThatAReferenceByDigestIsAPinWithoutImportPolicy() {
        FormValidation result = validation.imageReference("quay.io/org/app@sha256:" + "a".repeat(64));

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.renderHtml())
                .contains("Pinned by digest")
                .contains("schedule, credentials, import mode and platforms below do not apply");
        assertThat(validation.imageReference("quay.io/org/app:1").renderHtml()).doesNotContain("Pinned");
    }

    @Test
    public void shouldRejectInvalidValuesNamingTheRule() {
        assertError(validation.streamName("Python"), "stream name: must consist of lower case letters");
        assertError(validation.tagName(".x"), "tag: must start with a letter");
        assertError(validation.optionalStreamName("A"), "stream name:");
        assertError(validation.imageReference("Upper:tag"), "repository name must be lowercase");
        assertError(validation.imageReference(""), "image reference");
        assertError(validation.digest("sha256:abc"), "digest:");
        assertError(validation.platforms("linux/amd64, linux/x86_64"), "platforms: must not repeat a platform");
        assertError(validation.platforms("linux"), "platform");
        assertError(validation.importMode("Sometimes"), "importMode: must be PreserveOriginal or Legacy");
        assertError(
                validation.number(SpecNumber.IMPORT_INTERVAL_MINUTES, "0"),
                "importIntervalMinutes: must be a whole number of minutes between 1 and 10080 (got '0')");
        assertError(
                validation.number(SpecNumber.IMPORT_INTERVAL_MINUTES, "ten"),
                "importIntervalMinutes: must be a whole number of minutes between 1 and 10080 (got 'ten')");
        assertError(
                validation.number(SpecNumber.HISTORY_MAX_AGE_HOURS, "9223372036854775807"),
                "historyMaxAgeHours: must be a whole number of hours, 0 or more (got '9223372036854775807')");
        assertError(validation.number(SpecNumber.IMPORT_INTERVAL_MINUTES, "10081"), "and 10080");
        assertError(
                validation.number(SpecNumber.HISTORY_REVISIONS, "1001"),
                "historyRevisions: must be a whole number between 1 and 1000");
    }

    private static void assertError(final FormValidation result, final String message) {
        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains(Util.escape(message));
    }
}
