package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Random;
import java.util.function.Function;
import org.junit.Test;

/**
 * A seeded property test: values built to be valid survive {@code parse(toString(x)) == x}, and random junk
 * never causes any exception other than {@link InvalidValueException}.
 */
public class ImageValuesPropertyTest {
    private static final long SEED = 20_240_611L;
    private static final int RUNS = 12_000;
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String WORD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    private static final String JUNK = "aA0:/@._-[]%+*~ é\n\tsha256" + HEX + "LOCALHOST";
    private static final String[] SEPARATORS = {".", "_", "__", "-", "--", "---"};
    private static final String[] REGISTRIES = {
        "",
        "docker.io/",
        "index.docker.io/",
        "localhost/",
        "localhost:5000/",
        "quay.io/",
        "Registry.Example.COM:443/",
        "127.0.0.1:5000/",
        "[::1]:5000/",
        "[fd00:1:2::3]/",
        "xn--n3h.com/",
        "UPPER/",
        "foo_bar.com/",
    };
    private static final String[] PLATFORMS = {
        "linux/amd64", "linux/arm64", "linux/arm64/v8", "linux/arm", "linux/arm/v6", "linux/armhf", "Linux/x86_64",
        "windows/amd64", "darwin/arm64", "macos/aarch64", "linux/386", "linux/i386", "linux/s390x", "linux/ppc64le",
        "linux/riscv64", "linux/amd64/v3", "linux/arm64/v9.2", "freebsd/x86-64", "linux/mips64le", "plan9/arm/5",
    };

    private final Random random = new Random(SEED);

    @Test
    public void shouldRoundTripValidReferencesThroughToString() {
        for (int i = 0; i < RUNS; i++) {
            String text = validReference();
            ImageReference reference = ImageReference.parse(text);

            assertThat(ImageReference.parse(reference.toString())).as(text).isEqualTo(reference);
            if (!isFamiliarFormAmbiguous(reference)) {
                assertThat(ImageReference.parse(reference.familiarString()))
                        .as(text)
                        .isEqualTo(reference);
            }
            assertThat(ImageReference.parse(reference.dockerRef().toString()))
                    .as(text)
                    .isEqualTo(reference.dockerRef());
        }
    }

    @Test
    public void shouldRoundTripValidDigestsAndPlatforms() {
        for (int i = 0; i < RUNS; i++) {
            Digest digest = Digest.parse(validDigest());
            assertThat(Digest.parse(digest.toString())).isEqualTo(digest);

            Platform platform = Platform.parse(PLATFORMS[random.nextInt(PLATFORMS.length)]);
            assertThat(Platform.parse(platform.toString())).isEqualTo(platform);
            assertThat(platform.matches(platform)).isTrue();
        }
    }

    @Test
    public void shouldThrowOnlyInvalidValueExceptionForJunk() {
        for (int i = 0; i < RUNS; i++) {
            String junk = random.nextBoolean() ? junk() : mutate(validReference());
            assertOnlyRejected(ImageReference::parse, junk);
            assertOnlyRejected(Digest::parse, junk);
            assertOnlyRejected(Platform::parse, junk);
            assertOnlyRejected(tag -> ImageReference.parse("python").withTag(tag), junk);
        }
    }

    /**
     * Upstream's familiar form drops {@code docker.io/}, so {@code docker.io/a.b/c} becomes {@code a.b/c}, which
     * reads back as registry {@code a.b}: distribution/reference has the same ambiguity.
     */
    private static boolean isFamiliarFormAmbiguous(final ImageReference reference) {
        String first = reference.repository().split("/", 2)[0];
        return ImageReference.DOCKER_HUB.equals(reference.registry())
                && (first.contains(".") || "localhost".equals(first));
    }

    private static void assertOnlyRejected(final Function<String, Object> parser, final String input) {
        Throwable thrown = catchThrowable(() -> parser.apply(input));

        if (thrown != null) {
            assertThat(thrown)
                    .as(input)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining(": ");
        }
    }

    private String validReference() {
        StringBuilder text = new StringBuilder(REGISTRIES[random.nextInt(REGISTRIES.length)]);
        int components = 1 + random.nextInt(4);
        for (int c = 0; c < components; c++) {
            if (c > 0) {
                text.append('/');
            }
            text.append(pathComponent());
        }
        if (random.nextBoolean()) {
            text.append(':').append(WORD.charAt(random.nextInt(WORD.length()))).append(chars(WORD + ".-", 20));
        }
        if (random.nextInt(3) == 0) {
            text.append('@').append(validDigest());
        }
        return text.toString();
    }

    private String pathComponent() {
        StringBuilder component = new StringBuilder(chars(LOWER, 1, 8));
        while (random.nextInt(3) == 0) {
            component.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(chars(LOWER, 1, 5));
        }
        return component.toString();
    }

    private String validDigest() {
        return random.nextInt(4) == 0 ? "sha512:" + chars(HEX, 128, 128) : "sha256:" + chars(HEX, 64, 64);
    }

    private String junk() {
        return chars(JUNK, random.nextInt(80));
    }

    private String mutate(final String valid) {
        StringBuilder text = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            if (random.nextBoolean()) {
                text.setCharAt(at, JUNK.charAt(random.nextInt(JUNK.length())));
            } else {
                text.deleteCharAt(at);
            }
        }
        return text.toString();
    }

    private String chars(final String alphabet, final int maxLength) {
        return chars(alphabet, 0, maxLength);
    }

    private String chars(final String alphabet, final int minLength, final int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
