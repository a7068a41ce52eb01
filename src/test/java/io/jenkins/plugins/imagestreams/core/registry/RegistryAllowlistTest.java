package io.jenkins.plugins.imagestreams.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.Test;

/** The registry allowlist: hosts, ports, wildcards, and insecure only for listed registries. */
public class RegistryAllowlistTest {
    private static ImageReference ref(final String reference) {
        return ImageReference.parse(reference);
    }

    @Test
    public void shouldAllowEverySecureRegistryWhenEmpty() {
        RegistryAllowlist empty = RegistryAllowlist.of(List.of(" ", ""));

        assertThat(empty.allows(ref("python:3.12"), false)).isTrue();
        assertThat(empty.allows(ref("quay.io/org/app:1"), false)).isTrue();
        assertThat(empty.allows(ref("localhost:5000/app:1"), true)).isFalse();
        assertThat(RegistryAllowlist.allowAll()).isEqualTo(empty);
    }

    @Test
    public void shouldMatchHostsPortsAndWildcards() {
        RegistryAllowlist list = RegistryAllowlist.of(List.of(
                "Quay.IO", "registry.example.com:5000", "*.corp.example", "docker.io", "[::1]:5000", "localhost"));

        assertThat(list.allows(ref("quay.io/org/app:1"), false)).isTrue();
        assertThat(list.allows(ref("quay.io:443/org/app:1"), false)).isTrue();
        assertThat(list.allows(ref("python"), false)).isTrue();
        assertThat(list.allows(ref("registry.example.com:5000/app"), true)).isTrue();
        assertThat(list.allows(ref("registry.example.com/app"), false)).isFalse();
        assertThat(list.allows(ref("registry.example.com:5001/app"), false)).isFalse();
        assertThat(list.allows(ref("a.corp.example/app"), false)).isTrue();
        assertThat(list.allows(ref("b.a.corp.example:8443/app"), false)).isTrue();
        assertThat(list.allows(ref("corp.example/app"), false)).isFalse();
        assertThat(list.allows(ref("evilcorp.example/app"), false)).isFalse();
        assertThat(list.allows(ref("[::1]:5000/app"), false)).isTrue();
        assertThat(list.allows(ref("localhost:5000/app"), true)).isTrue();
        assertThat(list.allows(ref("ghcr.io/org/app"), false)).isFalse();
        assertThat(list.entries()).startsWith("quay.io");
    }

    @Test
    public void shouldNameFieldAndRuleWhenRefusing() {
        RegistryAllowlist list = RegistryAllowlist.of(List.of("quay.io"));

        assertThatThrownBy(() -> list.check("streams.app.tags.1.from", ref("ghcr.io/org/app:1"), false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("streams.app.tags.1.from: must name a registry on the allowlist [quay.io] (got 'ghcr.io')");
        assertThatThrownBy(() -> RegistryAllowlist.allowAll().check("from", ref("localhost:5000/app"), true))
                .hasMessageContaining("must name a registry on the allowlist to be insecure");
    }

    @Test
    public void shouldRejectMalformedEntries() {
        for (String bad :
                List.of("https://quay.io", "quay.io/org", "*", "*.", "a b", "quay.io:port", "-x.io", "*.*.io")) {
            assertThatThrownBy(() -> RegistryAllowlist.of(List.of(bad)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("allowedRegistries: must be a registry host");
        }
    }

    @Test
    public void shouldParseEntriesSeparatedByCommasBlanksAndNewLines() {
        RegistryAllowlist list = RegistryAllowlist.parse("quay.io,  *.corp.example\nregistry.example.com:5000 ");

        assertThat(list.entries()).containsExactly("quay.io", "*.corp.example", "registry.example.com:5000");
        assertThat(list).hasToString("[quay.io, *.corp.example, registry.example.com:5000]");
        assertThat(RegistryAllowlist.parse(null)).isEqualTo(RegistryAllowlist.allowAll());
        assertThat(list.allows("dev.corp.example:5000", true)).isTrue();
        assertThat(list.allows(RegistryHostPattern.parse("registry", "*.a.corp.example"), true))
                .isTrue();
        assertThat(list.allows(RegistryHostPattern.parse("registry", "*.example.com"), false))
                .isFalse();
        assertThat(RegistryAllowlist.allowAll().allows(RegistryHostPattern.parse("registry", "ghcr.io"), false))
                .isTrue();
    }

    @Test
    public void shouldHonourEqualsContract() {
        EqualsVerifier.forClass(RegistryAllowlist.class).verify();
    }
}
