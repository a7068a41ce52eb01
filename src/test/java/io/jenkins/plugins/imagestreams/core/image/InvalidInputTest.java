package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

/**
 * Bad input of every kind: each must be rejected with an {@link InvalidValueException} whose field is right and
 * whose message names the rule that was broken.
 */
public class InvalidInputTest {
    private static final String HEX = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String FORMAT = "invalid reference format";
    private static final String LOWERCASE = "repository name must be lowercase";
    private static final String TAG = "the tag must match";
    private static final String NAME = "the name must be";

    /** Kind, input, the rule (a fragment of the message). */
    private static final String[][] CASES = {
        {"reference", "", "must not be empty"},
        {"reference", ":justtag", NAME},
        {"reference", "@sha256:" + HEX, NAME},
        {"reference", "repo@sha256:ffffffffffffffffffffffffffffffffff", "invalid checksum digest length"},
        {"reference", "validname@invaliddigest:" + HEX, "unsupported digest algorithm"},
        {"reference", "validname@sha384:" + "f".repeat(96), "unsupported digest algorithm"},
        {"reference", "validname@sha256:" + HEX.toUpperCase(java.util.Locale.ROOT), "must be lowercase hex"},
        {"reference", "Uppercase:tag", LOWERCASE},
        {"reference", "Uppercase", LOWERCASE},
        {"reference", "test:5000/Uppercase/lowercase:tag", LOWERCASE},
        {"reference", "docker/Docker", LOWERCASE},
        {"reference", "docker.io/docker/Docker", LOWERCASE},
        {"reference", "A_B.com/x", LOWERCASE},
        {"reference", "domain/" + "a".repeat(256) + ":tag", "must not be more than 255 characters"},
        {"reference", "example.com/" + "a".repeat(256), "must not be more than 255 characters"},
        {"reference", "aa/asdf$$^/aa", NAME},
        {"reference", "[2001:db8::1]", NAME},
        {"reference", "[2001:db8::1]:5000", NAME},
        {"reference", "[2001:db8::1]:tag", NAME},
        {"reference", "[fe80::1%eth0]:5000/repo", FORMAT},
        {"reference", "[fe80::1%@invalidzone]:5000/repo", FORMAT},
        {"reference", "https://github.com/docker/docker", FORMAT},
        {"reference", "-docker", NAME},
        {"reference", "docker///docker", NAME},
        {"reference", "fc00::1:5000/debian", FORMAT},
        {
            "reference",
            "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
            "cannot specify 64-byte hexadecimal strings"
        },
        {"reference", "____/____", NAME},
        {"reference", "dock..er/docker", NAME},
        {"reference", "docker/", NAME},
        {"reference", "python:", TAG},
        {"reference", "python:-x", TAG},
        {"reference", "python:" + "a".repeat(129), TAG},
        {"reference", "python:a~b", TAG},
        {"reference", "python@", "the digest after '@'"},
        {"reference", "python@sha256:abc", "the digest after '@'"},
        {"reference", "python@@sha256:" + HEX, "the digest after '@'"},
        {"reference", "python with space", NAME},
        {"reference", "pythön", NAME},
        {"reference", "python\n", NAME},
        {"reference", "example.com:http/app", FORMAT},
        {"reference", "example.com:/app", FORMAT},
        {"reference", "ex ample.com/app", FORMAT},
        {"reference", "example.com//app", NAME},
        {"tag", "-foo", "invalid tag format"},
        {"tag", "", "invalid tag format"},
        {"tag", "a:b", "invalid tag format"},
        {"tag", ".hidden", "invalid tag format"},
        {"digest", "", "invalid checksum digest format"},
        {"digest", "sha256:", "invalid checksum digest format"},
        {"digest", ":" + HEX, "invalid checksum digest format"},
        {"digest", "sha256" + HEX, "invalid checksum digest format"},
        {"digest", "md5:d41d8cd98f00b204e9800998ecf8427e", "unsupported digest algorithm"},
        {"digest", "sha256:" + HEX + "f", "invalid checksum digest length"},
        {"digest", "sha512:" + HEX, "invalid checksum digest length"},
        {"digest", "sha256:" + HEX.replace('f', 'F'), "must be lowercase hex"},
        {"digest", "sha256:" + HEX.substring(1) + "z", "must be lowercase hex"},
        {"digest", "sha256:" + HEX + "\n", "invalid checksum digest length"},
        {"platform", "", "invalid OS component"},
        {"platform", "linux", "the architecture is required"},
        {"platform", "/linux/arm", "invalid OS component"},
        {"platform", "linux/arm/", "invalid component"},
        {"platform", "linux /arm", "invalid OS component"},
        {"platform", "linux/&arm", "invalid component"},
        {"platform", "linux/arm/foo/bar", "cannot parse platform specifier"},
        {"platform", "linux/*", "wildcards not yet supported"},
        {"platform", "*", "wildcards not yet supported"},
        {"platform", "linux//arm", "invalid component"},
        {"platform", "lin.ux/amd64", "invalid OS component"},
        {"platform", "windows(10.0.17763)/amd64", "os(...), are not supported"},
        {"platform", "linux(+gpu)/amd64", "os(...), are not supported"},
    };

    @Test
    public void shouldRejectEveryBadInputWithFieldAndRule() {
        assertThat(CASES.length).isGreaterThanOrEqualTo(50);
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : CASES) {
            softly.assertThatThrownBy(() -> parser(row[0]).accept(row[1]))
                    .as(row[0] + " '" + row[1] + "'")
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.getField()).isEqualTo(field(row[0]));
                        assertThat(e.getRule()).contains(row[2]);
                        assertThat(e.getMessage())
                                .startsWith(field(row[0]) + ": ")
                                .contains(row[2]);
                    });
        }
        softly.assertAll();
    }

    @Test
    public void shouldRejectNullWithFieldAndRule() {
        SoftAssertions softly = new SoftAssertions();
        for (String kind : new String[] {"reference", "tag", "digest", "platform"}) {
            softly.assertThatThrownBy(() -> parser(kind).accept(null))
                    .as(kind)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith(field(kind) + ": ")
                    .hasMessageEndingWith("(got null)");
        }
        softly.assertAll();
    }

    private static Consumer<String> parser(final String kind) {
        switch (kind) {
            case "reference":
                return ImageReference::parse;
            case "tag":
                return tag -> ImageReference.parse("python").withTag(tag);
            case "digest":
                return Digest::parse;
            default:
                return Platform::parse;
        }
    }

    private static String field(final String kind) {
        return "reference".equals(kind) ? ImageReference.FIELD : kind;
    }
}
