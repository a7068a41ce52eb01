package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

/**
 * The tables of distribution/reference's {@code regexp_test.go}, run against the hand-written grammar.
 */
public class ReferenceGrammarTest {
    private static final String SHA = "sha256:be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912";

    /** {@code TestDomainRegexp}: input, whether {@code ^domainAndPort$} matches. */
    private static final Object[][] DOMAINS = {
        {"test.com", true},
        {"test.com:10304", true},
        {"test.com:http", false},
        {"localhost", true},
        {"localhost:8080", true},
        {"a", true},
        {"a.b", true},
        {"ab.cd.com", true},
        {"a-b.com", true},
        {"-ab.com", false},
        {"ab-.com", false},
        {"ab.c-om", true},
        {"ab.-com", false},
        {"ab.com-", false},
        {"0101.com", true},
        {"001a.com", true},
        {"b.gbc.io:443", true},
        {"b.gbc.io", true},
        {"xn--n3h.com", true},
        {"Asdf.com", true},
        {"192.168.1.1:75050", true},
        {"192.168.1.1:750050", true},
        {"[fd00:1:2::3]:75050", true},
        {"[fd00:1:2::3]75050", false},
        {"[fd00:1:2::3]::75050", false},
        {"[fd00:1:2::3%eth0]:75050", false},
        {"[fd00123123123]:75050", true},
        {"[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:75050", true},
        {"[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:750505", true},
        {"fd00:1:2::3:75050", false},
    };

    /** {@code TestFullNameRegexp}: input, then null for no match, or the domain and path submatches. */
    private static final String[][] NAMES = {
        {"", null},
        {"short", "", "short"},
        {"simple/name", "simple", "name"},
        {"library/ubuntu", "library", "ubuntu"},
        {"docker/stevvooe/app", "docker", "stevvooe/app"},
        {"aa/aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb", "aa", "aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb"},
        {"aa/aa/bb/bb/bb", "aa", "aa/bb/bb/bb"},
        {"a/a/a/a", "a", "a/a/a"},
        {"a/a/a/a/", null},
        {"a//a/a", null},
        {"a", "", "a"},
        {"a/aa", "a", "aa"},
        {"a/aa/a", "a", "aa/a"},
        {"foo.com", "", "foo.com"},
        {"foo.com/", null},
        {"foo.com:8080/bar", "foo.com:8080", "bar"},
        {"foo.com:http/bar", null},
        {"foo.com/bar", "foo.com", "bar"},
        {"foo.com/bar/baz", "foo.com", "bar/baz"},
        {"localhost:8080/bar", "localhost:8080", "bar"},
        {"sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux"},
        {"blog.foo.com/bar/baz", "blog.foo.com", "bar/baz"},
        {"a^a", null},
        {"aa/asdf$$^/aa", null},
        {"asdf$$^/aa", null},
        {"aa-a/a", "aa-a", "a"},
        {"a/".repeat(128) + "a", "a", "a/".repeat(127) + "a"},
        {"a-/a/a/a", null},
        {"foo.com/a-/a/a", null},
        {"-foo/bar", null},
        {"foo/bar-", null},
        {"foo-/bar", null},
        {"foo/-bar", null},
        {"_foo/bar", null},
        {"foo_bar", "", "foo_bar"},
        {"foo_bar.com", "", "foo_bar.com"},
        {"foo_bar.com:8080", null},
        {"foo_bar.com:8080/app", null},
        {"foo.com/foo_bar", "foo.com", "foo_bar"},
        {"____/____", null},
        {"_docker/_docker", null},
        {"docker_/docker_", null},
        {"b.gcr.io/test.example.com/my-app", "b.gcr.io", "test.example.com/my-app"},
        {"xn--n3h.com/myimage", "xn--n3h.com", "myimage"},
        {"xn--7o8h.com/myimage", "xn--7o8h.com", "myimage"},
        {"example.com/xn--7o8h.com/myimage", "example.com", "xn--7o8h.com/myimage"},
        {"example.com/some_separator__underscore/myimage", "example.com", "some_separator__underscore/myimage"},
        {"example.com/__underscore/myimage", null},
        {"example.com/..dots/myimage", null},
        {"example.com/.dots/myimage", null},
        {"example.com/nodouble..dots/myimage", null},
        {"docker./docker", null},
        {".docker/docker", null},
        {"docker-/docker", null},
        {"-docker/docker", null},
        {"do..cker/docker", null},
        {"do__cker:8080/docker", null},
        {"do__cker/docker", "", "do__cker/docker"},
        {
            "registry.io/foo/project--id.module--name.ver---sion--name",
            "registry.io",
            "foo/project--id.module--name.ver---sion--name"
        },
        {"Asdf.com/foo/bar", "Asdf.com", "foo/bar"},
        {"Foo/FarB", null},
    };

    /** {@code TestReferenceRegexp}: input, then null for no match, or the name, tag and digest submatches. */
    private static final String[][] REFERENCES = {
        {"registry.com:8080/myapp:tag", "registry.com:8080/myapp", "tag", ""},
        {"registry.com:8080/myapp@" + SHA, "registry.com:8080/myapp", "", SHA},
        {"registry.com:8080/myapp:tag2@" + SHA, "registry.com:8080/myapp", "tag2", SHA},
        {"registry.com:8080/myapp@sha256:badbadbadbad", null},
        {"registry.com:8080/myapp:invalid~tag", null},
        {"bad_hostname.com:8080/myapp:tag", null},
        {"localhost:8080@" + SHA, "localhost", "8080", SHA},
        {"localhost:8080/name@" + SHA, "localhost:8080/name", "", SHA},
        {"localhost:http/name@" + SHA, null},
        {"localhost@" + SHA, "localhost", "", SHA},
        {"registry.com:8080/myapp@bad", null},
        {"registry.com:8080/myapp@2bad", null},
    };

    @Test
    public void shouldMatchDomainsLikeUpstreamDomainRegexp() {
        SoftAssertions softly = new SoftAssertions();
        for (Object[] row : DOMAINS) {
            softly.assertThat(ReferenceGrammar.isDomain((String) row[0]))
                    .as((String) row[0])
                    .isEqualTo(row[1]);
        }
        softly.assertAll();
    }

    @Test
    public void shouldSplitNamesLikeUpstreamAnchoredNameRegexp() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : NAMES) {
            Optional<ReferenceGrammar.Parts> parts = ReferenceGrammar.splitName(row[0]);
            if (row[1] == null) {
                softly.assertThat(parts).as(row[0]).isEmpty();
            } else if (row.length == 2) {
                softly.assertThat(parts).as(row[0]).isPresent();
            } else {
                softly.assertThat(parts).as(row[0]).contains(new ReferenceGrammar.Parts(row[1], row[2], null, null));
            }
        }
        softly.assertAll();
    }

    @Test
    public void shouldSplitReferencesLikeUpstreamReferenceRegexp() {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : REFERENCES) {
            Optional<ReferenceGrammar.Parts> parts = ReferenceGrammar.split(row[0]);
            if (row[1] == null) {
                softly.assertThat(parts).as(row[0]).isEmpty();
            } else {
                softly.assertThat(parts).as(row[0]).isPresent();
                parts.ifPresent(p -> softly.assertThat(new String[] {
                            p.domain().isEmpty() ? p.path() : p.domain() + "/" + p.path(),
                            p.tag() == null ? "" : p.tag(),
                            p.digest() == null ? "" : p.digest()
                        })
                        .as(row[0])
                        .containsExactly(row[1], row[2], row[3]));
            }
        }
        softly.assertAll();
    }

    @Test
    public void shouldMatchIdentifiersLikeUpstreamIdentifierRegexp() {
        assertThat(ReferenceGrammar.isIdentifier("da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821"))
                .isTrue();
        assertThat(ReferenceGrammar.isIdentifier("7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C"))
                .isFalse();
        assertThat(ReferenceGrammar.isIdentifier("da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf"))
                .isFalse();
        assertThat(ReferenceGrammar.isIdentifier(
                        "sha256:da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821"))
                .isFalse();
        assertThat(ReferenceGrammar.isIdentifier(
                        "da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf98218482"))
                .isFalse();
    }

    @Test
    public void shouldMatchTagsOfUpToTheUpstreamMaximumLength() {
        assertThat(ReferenceGrammar.isTag("a".repeat(128))).isTrue();
        assertThat(ReferenceGrammar.isTag("a".repeat(129))).isFalse();
        assertThat(ReferenceGrammar.isTag("_x.Y-1")).isTrue();
        assertThat(ReferenceGrammar.isTag(".x")).isFalse();
        assertThat(ReferenceGrammar.isTag("-x")).isFalse();
        assertThat(ReferenceGrammar.isTag("x~")).isFalse();
        assertThat(ReferenceGrammar.isTag("é")).isFalse();
    }
}
