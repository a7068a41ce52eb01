package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

/**
 * The tables of distribution/reference's {@code normalize_test.go} and {@code reference_test.go}, run through
 * {@link ImageReference#parse(String)} (upstream's {@code ParseNormalizedNamed}).
 */
public class ImageReferenceTest {
    private static final String HEX = "86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
    private static final String SHA = "sha256:" + HEX;
    private static final String ID = "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a";

    /** {@code TestValidateReferenceName} and {@code TestValidateRemoteName}, valid names. */
    private static final String[] VALID_NAMES = {
        "docker/docker",
        "library/debian",
        "debian",
        "localhost/library/debian",
        "localhost/debian",
        "LOCALDOMAIN/library/debian",
        "LOCALDOMAIN/debian",
        "docker.io/docker/docker",
        "docker.io/library/debian",
        "docker.io/debian",
        "index.docker.io/docker/docker",
        "index.docker.io/library/debian",
        "index.docker.io/debian",
        "127.0.0.1:5000/docker/docker",
        "127.0.0.1:5000/library/debian",
        "127.0.0.1:5000/debian",
        "192.168.0.1",
        "192.168.0.1:80",
        "192.168.0.1:8/debian",
        "192.168.0.2:25000/debian",
        "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
        "[fc00::1]:5000/docker",
        "[fc00::1]:5000/docker/docker",
        "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
        "docker.io/" + ID,
        "Docker/docker",
        "DOCKER/docker",
        "docker-rules/docker",
        "docker---rules/docker",
        "doc/docker",
        "d/docker",
        "jess/t",
        "dock__er/docker",
    };

    /** {@code TestValidateReferenceName} and {@code TestValidateRemoteName}, invalid names. */
    private static final String[] INVALID_NAMES = {
        "https://github.com/docker/docker",
        "docker/Docker",
        "-docker",
        "-docker/docker",
        "-docker.io/docker/docker",
        "docker///docker",
        "docker.io/docker/Docker",
        "docker.io/docker///docker",
        "[fc00::1]",
        "[fc00::1]:5000",
        "fc00::1:5000/debian",
        "[fe80::1%eth0]:5000/debian",
        "[2001:db8:3:4::192.0.2.33]:5000/debian",
        ID,
        "docker-/docker",
        "-docker-/docker",
        "____/____",
        "_docker/_docker",
        "dock..er/docker",
        "dock_.er/docker",
        "dock-.er/docker",
        "docker/",
        "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_".repeat(4) + "/docker",
    };

    /** {@code TestParseRepositoryInfo}: path, familiar name, full name, domain, then the inputs to parse. */
    private static final String[][] REPOSITORY_INFO = {
        {"fooo", "localhost/fooo", "localhost/fooo", "localhost", "localhost/fooo"},
        {"fooo/bar", "localhost/fooo/bar", "localhost/fooo/bar", "localhost", "localhost/fooo/bar"},
        {"fooo", "LOCALDOMAIN/fooo", "LOCALDOMAIN/fooo", "LOCALDOMAIN", "LOCALDOMAIN/fooo"},
        {"fooo/bar", "LOCALDOMAIN/fooo/bar", "LOCALDOMAIN/fooo/bar", "LOCALDOMAIN", "LOCALDOMAIN/fooo/bar"},
        {"fooo/bar", "fooo/bar", "docker.io/fooo/bar", "docker.io", "fooo/bar", "index.docker.io/fooo/bar"},
        {"library/ubuntu", "ubuntu", "docker.io/library/ubuntu", "docker.io", "ubuntu", "library/ubuntu"},
        {"nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", "docker.io", "nonlibrary/ubuntu"},
        {"other/library", "other/library", "docker.io/other/library", "docker.io", "other/library"},
        {
            "private/moonbase",
            "127.0.0.1:8000/private/moonbase",
            "127.0.0.1:8000/private/moonbase",
            "127.0.0.1:8000",
            "127.0.0.1:8000/private/moonbase"
        },
        {
            "privatebase",
            "127.0.0.1:8000/privatebase",
            "127.0.0.1:8000/privatebase",
            "127.0.0.1:8000",
            "127.0.0.1:8000/privatebase"
        },
        {
            "private/moonbase",
            "example.com/private/moonbase",
            "example.com/private/moonbase",
            "example.com",
            "example.com/private/moonbase"
        },
        {"privatebase", "example.com/privatebase", "example.com/privatebase", "example.com", "example.com/privatebase"},
        {
            "private/moonbase",
            "example.com:8000/private/moonbase",
            "example.com:8000/private/moonbase",
            "example.com:8000",
            "example.com:8000/private/moonbase"
        },
        {
            "privatebasee",
            "example.com:8000/privatebasee",
            "example.com:8000/privatebasee",
            "example.com:8000",
            "example.com:8000/privatebasee"
        },
        {
            "library/ubuntu-12.04-base",
            "ubuntu-12.04-base",
            "docker.io/library/ubuntu-12.04-base",
            "docker.io",
            "ubuntu-12.04-base",
            "index.docker.io/library/ubuntu-12.04-base"
        },
        {"library/foo", "foo", "docker.io/library/foo", "docker.io", "foo", "docker.io/foo"},
        {"library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar", "docker.io", "library/foo/bar"},
        {"store/foo/bar", "store/foo/bar", "docker.io/store/foo/bar", "docker.io", "store/foo/bar"},
        {"bar", "Foo/bar", "Foo/bar", "Foo", "Foo/bar"},
        {"bar", "FOO/bar", "FOO/bar", "FOO", "FOO/bar"},
    };

    /** {@code TestNormalizedSplitHostname}: input, registry, repository. */
    private static final String[][] SPLIT_HOSTNAME = {
        {"test.com/foo", "test.com", "foo"}, {"test_com/foo", "docker.io", "test_com/foo"},
        {"docker/migrator", "docker.io", "docker/migrator"}, {"test.com:8080/foo", "test.com:8080", "foo"},
        {"test-com:8080/foo", "test-com:8080", "foo"}, {"foo", "docker.io", "library/foo"},
        {"xn--n3h.com/foo", "xn--n3h.com", "foo"}, {"xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"},
        {"docker.io/foo", "docker.io", "library/foo"}, {"docker.io/library/foo", "docker.io", "library/foo"},
        {"docker.io/library/foo/bar", "docker.io", "library/foo/bar"},
    };

    /** {@code TestParseDockerRef}: input, then what {@code docker pull} resolves. */
    private static final String[][] DOCKER_REFS = {
        {"busybox", "docker.io/library/busybox:latest"},
        {"busybox:latest", "docker.io/library/busybox:latest"},
        {"busybox@" + SHA, "docker.io/library/busybox@" + SHA},
        {"library/busybox", "docker.io/library/busybox:latest"},
        {"docker.io/busybox", "docker.io/library/busybox:latest"},
        {"docker.io/library/busybox", "docker.io/library/busybox:latest"},
        {"docker.io/busybox:latest", "docker.io/library/busybox:latest"},
        {"library/busybox:latest", "docker.io/library/busybox:latest"},
        {"docker.io/library/busybox:latest", "docker.io/library/busybox:latest"},
        {"gcr.io/library/busybox", "gcr.io/library/busybox:latest"},
        {"gcr.io/library/busybox:latest@" + SHA, "gcr.io/library/busybox@" + SHA},
    };

    /** {@code TestParseAnyReference}, named rows, and {@code TestReferenceParse} rows: input, normalised form. */
    private static final String[][] NORMALIZED = {
        {"redis", "docker.io/library/redis"},
        {"redis:latest", "docker.io/library/redis:latest"},
        {"redis@" + SHA, "docker.io/library/redis@" + SHA},
        {"dmcgowan/myapp", "docker.io/dmcgowan/myapp"},
        {"dmcgowan/myapp:latest", "docker.io/dmcgowan/myapp:latest"},
        {
            "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9",
            "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9"
        },
        {"dbcc1", "docker.io/library/dbcc1"},
        {"test_com", "docker.io/library/test_com"},
        {"test.com:tag", "docker.io/library/test.com:tag"},
        {"test.com:5000", "docker.io/library/test.com:5000"},
        {"test:5000/repo:tag@" + SHA, "test:5000/repo:tag@" + SHA},
        {"lowercase:Uppercase", "docker.io/library/lowercase:Uppercase"},
        {"a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io/" + "a/".repeat(127) + "a:tag-puts-this-over-max"},
        {"xn--7o8h.com/myimage:xn--7o8h.com@" + SHA, "xn--7o8h.com/myimage:xn--7o8h.com@" + SHA},
        {"foo_bar.com:8080", "docker.io/library/foo_bar.com:8080"},
        {"foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080"},
        {"192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050"},
        {"[2001:db8::1]/repo", "[2001:db8::1]/repo"},
        {"[2001:db8::1]:5000/repo:tag@" + SHA, "[2001:db8::1]:5000/repo:tag@" + SHA},
        {"[::1]:5000/repo", "[::1]:5000/repo"},
        {"example.com/" + "a".repeat(255) + ":tag", "example.com/" + "a".repeat(255) + ":tag"},
        {"foo_bar.com/app", "foo_bar.com/app"},
    };

    @Test
    public void shouldAcceptUpstreamValidNames() {
        SoftAssertions softly = new SoftAssertions();
        for (String name : VALID_NAMES) {
            softly.assertThatCode(() -> ImageReference.parse(name)).as(name).doesNotThrowAnyException();
        }
        softly.assertAll();
    }

    @Test
    public void shouldRejectUpstreamInvalidNames() {
        SoftAssertions softly = new SoftAssertions();
        for (String name : INVALID_NAMES) {
            softly.assertThatThrownBy(() -> ImageReference.parse(name))
                    .as(name)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("image reference: ");
        }
        softly.assertAll();
    }

    @Test
    public void shouldNormaliseLikeUpstreamParseRepositoryInfo() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : REPOSITORY_INFO) {
            for (int i = 4; i < row.length; i++) {
                ImageReference reference = ImageReference.parse(row[i]);
                softly.assertThat(reference.repository()).as(row[i]).isEqualTo(row[0]);
                softly.assertThat(reference.familiarName()).as(row[i]).isEqualTo(row[1]);
                softly.assertThat(reference.familiarString()).as(row[i]).isEqualTo(row[1]);
                softly.assertThat(reference.name()).as(row[i]).isEqualTo(row[2]);
                softly.assertThat(reference.toString()).as(row[i]).isEqualTo(row[2]);
                softly.assertThat(reference.registry()).as(row[i]).isEqualTo(row[3]);
            }
        }
        softly.assertAll();
    }

    @Test
    public void shouldSplitRegistryLikeUpstreamNormalizedSplitHostname() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : SPLIT_HOSTNAME) {
            ImageReference reference = ImageReference.parse(row[0]);
            softly.assertThat(reference.registry()).as(row[0]).isEqualTo(row[1]);
            softly.assertThat(reference.repository()).as(row[0]).isEqualTo(row[2]);
        }
        softly.assertAll();
    }

    @Test
    public void shouldResolveLikeUpstreamParseDockerRef() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : DOCKER_REFS) {
            softly.assertThat(ImageReference.parse(row[0]).dockerRef().toString())
                    .as(row[0])
                    .isEqualTo(row[1]);
        }
        softly.assertAll();
    }

    @Test
    public void shouldNormaliseAndRoundTripUpstreamReferences() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : NORMALIZED) {
            ImageReference reference = ImageReference.parse(row[0]);
            softly.assertThat(reference.toString()).as(row[0]).isEqualTo(row[1]);
            softly.assertThat(ImageReference.parse(reference.toString()))
                    .as(row[0])
                    .isEqualTo(reference);
            softly.assertThat(ImageReference.parse(reference.familiarString()))
                    .as(row[0])
                    .isEqualTo(reference);
        }
        softly.assertAll();
    }

    @Test
    public void shouldKeepTagAndDigestLikeUpstreamParseReferenceWithTagAndDigest() {
        String shortRef = "busybox:latest@" + SHA;
        ImageReference reference = ImageReference.parse(shortRef);

        assertThat(reference.toString()).isEqualTo("docker.io/library/" + shortRef);
        assertThat(reference.familiarString()).isEqualTo(shortRef);
        assertThat(reference.tag()).contains("latest");
        assertThat(reference.digest()).contains(Digest.parse(SHA));
    }

    @Test
    public void shouldKeepAReferenceWithoutTagTaglessAndDefaultToLatest() {
        ImageReference python = ImageReference.parse("python");

        assertThat(python.tag()).isEmpty();
        assertThat(python.digest()).isEmpty();
        assertThat(python.tagOrLatest()).isEqualTo("latest");
        assertThat(python.toString()).isEqualTo("docker.io/library/python");
        assertThat(python.familiarString()).isEqualTo("python");
        assertThat(python.dockerRef().toString()).isEqualTo("docker.io/library/python:latest");
        assertThat(python.dockerRef().familiarString()).isEqualTo("python:latest");
        assertThat(ImageReference.parse("python:3.12").tagOrLatest()).isEqualTo("3.12");
    }

    @Test
    public void shouldReplaceTagAndDigestLikeUpstreamWithTagAndWithDigest() {
        ImageReference name = ImageReference.parse("test.com:8000/foo");
        Digest digest = Digest.parse(SHA);

        assertThat(name.withTag("TAG5")).hasToString("test.com:8000/foo:TAG5");
        assertThat(name.withDigest(digest).withTag("TAG5")).hasToString("test.com:8000/foo:TAG5@" + SHA);
        assertThat(name.withTag("latest").withDigest(digest)).hasToString("test.com:8000/foo:latest@" + SHA);
        assertThat(ImageReference.parse("foo").withTag("tag2").familiarString()).isEqualTo("foo:tag2");
        assertThatThrownBy(() -> name.withTag("-foo"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("tag: invalid tag format");
    }

    @Test
    public void shouldExposeRegistryRepositoryAndNameOfIpv6AndPortReferences() {
        ImageReference reference = ImageReference.parse("[::1]:5000/x@" + SHA);

        assertThat(reference.registry()).isEqualTo("[::1]:5000");
        assertThat(reference.repository()).isEqualTo("x");
        assertThat(reference.name()).isEqualTo("[::1]:5000/x");
        assertThat(reference.tag()).isEmpty();
        assertThat(ImageReference.parse("127.0.0.1:5000/a/b:1").registry()).isEqualTo("127.0.0.1:5000");
        assertThat(ImageReference.parse("localhost/x").familiarString()).isEqualTo("localhost/x");
    }

    @Test
    public void shouldParseLongInputsWithoutStackOverflow() {
        String manyComponents = "a.".repeat(50_000) + "com/" + "a/".repeat(100) + "b:1";

        assertThat(ImageReference.parse(manyComponents).repository()).isEqualTo("a/".repeat(100) + "b");
        assertThatThrownBy(() -> ImageReference.parse("a/".repeat(50_000) + "b"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("must not be more than 255 characters");
    }

    @Test
    public void shouldObeyEqualsContract() {
        EqualsVerifier.forClass(ImageReference.class)
                .withPrefabValues(Digest.class, Digest.parse(SHA), Digest.sha256Of(new byte[0]))
                .withNonnullFields("registry", "repository")
                .verify();
    }
}
