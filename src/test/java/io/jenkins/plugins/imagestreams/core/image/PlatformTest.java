package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

/**
 * containerd/platforms' {@code platforms_test.go} ({@code TestParseSelector}, the rows with an OS and an
 * architecture) and {@code compare_test.go}-style compatibility, through {@code Normalize(Parse(s))}.
 */
public class PlatformTest {
    /** Input, normalised form, then platforms the matcher must accept. */
    private static final String[][] SELECTORS = {
        {"linux/arm64", "linux/arm64", "linux/aarch64", "linux/aarch64/v8", "linux/arm64/v8"},
        {"linux/arm64/v8", "linux/arm64", "linux/aarch64", "linux/aarch64/v8", "linux/arm64"},
        {"linux/arm", "linux/arm/v7", "linux/arm/v7", "linux/armhf", "linux/arm/7"},
        {"linux/arm/v6", "linux/arm/v6", "linux/armel"},
        {"linux/arm/v7", "linux/arm/v7", "linux/arm", "linux/armhf"},
        {"Linux/x86_64", "linux/amd64"},
        {"linux/s390x", "linux/s390x"},
    };

    /** Input, normalised form: containerd's {@code normalizeOS} and {@code normalizeArch}. */
    private static final String[][] NORMALISED = {
        {"linux/aarch64", "linux/arm64"},
        {"linux/x86-64", "linux/amd64"},
        {"linux/amd64/v1", "linux/amd64"},
        {"linux/amd64/V3", "linux/amd64/v3"},
        {"linux/i386", "linux/386"},
        {"linux/i386/v2", "linux/386"},
        {"linux/armhf", "linux/arm/v7"},
        {"linux/armel", "linux/arm/v6"},
        {"linux/arm/5", "linux/arm/v5"},
        {"linux/arm/8", "linux/arm/v8"},
        {"linux/arm/7", "linux/arm/v7"},
        {"linux/arm64/8", "linux/arm64"},
        {"linux/arm64/v8.0", "linux/arm64"},
        {"linux/arm64/9", "linux/arm64/v9"},
        {"linux/arm64/v9.0", "linux/arm64/v9"},
        {"linux/arm64/v8.2", "linux/arm64/v8.2"},
        {"macOS/arm64", "darwin/arm64"},
        {"WINDOWS/AMD64", "windows/amd64"},
        {"linux/riscv64", "linux/riscv64"},
        {"freebsd/ppc64le", "freebsd/ppc64le"},
        {"linux/foo/bar", "linux/foo/bar"},
    };

    /** Host, image, whether the host runs the image ({@code Only(host).Match(image)}). */
    private static final Object[][] COMPATIBILITY = {
        {"linux/amd64", "linux/amd64", true}, {"linux/amd64", "linux/386", true},
        {"linux/amd64", "linux/amd64/v2", false}, {"linux/amd64/v3", "linux/amd64/v2", true},
        {"linux/amd64/v3", "linux/amd64", true}, {"linux/amd64/v3", "linux/amd64/v4", false},
        {"linux/amd64", "windows/amd64", false}, {"linux/arm/v7", "linux/arm/v6", true},
        {"linux/arm/v7", "linux/arm/v5", true}, {"linux/arm/v6", "linux/arm/v7", false},
        {"linux/arm64", "linux/arm64/v8", true}, {"linux/arm64", "linux/arm/v7", true},
        {"linux/arm64", "linux/arm/v8", true}, {"linux/arm64", "linux/amd64", false},
        {"linux/arm64", "linux/arm64/v8.1", false}, {"linux/arm64/v8.2", "linux/arm64/v8.1", true},
        {"linux/arm64/v9", "linux/arm64/v8.5", true}, {"linux/arm64/v9", "linux/arm64/v8.6", false},
        {"linux/arm64/v10", "linux/arm64/v10", false}, {"linux/386", "linux/amd64", false},
        {"linux/s390x", "linux/s390x", true},
    };

    @Test
    public void shouldParseAndMatchLikeUpstreamParseSelector() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : SELECTORS) {
            Platform platform = Platform.parse(row[0]);
            softly.assertThat(platform).as(row[0]).hasToString(row[1]);
            softly.assertThat(Platform.parse(platform.toString())).as(row[0]).isEqualTo(platform);
            for (int i = 2; i < row.length; i++) {
                softly.assertThat(platform.matches(Platform.parse(row[i])))
                        .as(row[0] + " ~ " + row[i])
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    public void shouldNormaliseLikeUpstreamNormalize() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : NORMALISED) {
            softly.assertThat(Platform.parse(row[0])).as(row[0]).hasToString(row[1]);
        }
        softly.assertAll();
    }

    @Test
    public void shouldRunCompatiblePlatformsLikeUpstreamOnly() {
        SoftAssertions softly = new SoftAssertions();
        for (Object[] row : COMPATIBILITY) {
            Platform host = Platform.parse((String) row[0]);
            softly.assertThat(host.runs(Platform.parse((String) row[1])))
                    .as(row[0] + " runs " + row[1])
                    .isEqualTo(row[2]);
        }
        softly.assertAll();
    }

    @Test
    public void shouldExposeComponents() {
        Platform platform = Platform.parse("linux/arm/v7");

        assertThat(platform.os()).isEqualTo("linux");
        assertThat(platform.architecture()).isEqualTo("arm");
        assertThat(platform.variant()).contains("v7");
        assertThat(Platform.parse("linux/arm64/v8").variant()).isEmpty();
        assertThat(Platform.parse("linux/arm/v7").matches(Platform.parse("linux/arm/v6")))
                .isFalse();
        assertThat(Platform.parse("linux/arm64").matches(Platform.parse("darwin/arm64")))
                .isFalse();
    }

    @Test
    public void shouldObeyEqualsContract() {
        EqualsVerifier.forClass(Platform.class)
                .withNonnullFields("os", "architecture", "variant")
                .verify();
    }
}
