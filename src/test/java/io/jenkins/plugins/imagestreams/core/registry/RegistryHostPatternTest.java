package io.jenkins.plugins.imagestreams.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.Test;

/** Registry host patterns: hosts, hosts with ports, wildcards, containment and specificity. */
public class RegistryHostPatternTest {
    private static RegistryHostPattern pattern(final String text) {
        return RegistryHostPattern.parse("registry", text);
    }

    @Test
    public void shouldMatchHostOnAnyPortAndHostWithPortExactly() {
        assertThat(pattern(" Quay.IO ").matches("quay.io")).isTrue();
        assertThat(pattern("quay.io").matches("quay.io:443")).isTrue();
        assertThat(pattern("quay.io").matches("quay.io.evil.example")).isFalse();
        assertThat(pattern("registry.example.com:5000").matches("registry.example.com:5000"))
                .isTrue();
        assertThat(pattern("registry.example.com:5000").matches("registry.example.com"))
                .isFalse();
        assertThat(pattern("[::1]:5000").matches("[::1]:5000")).isTrue();
        assertThat(pattern("localhost").matches("localhost:5000")).isTrue();
        assertThat(pattern("quay.io")).hasToString("quay.io");
    }

    @Test
    public void shouldMatchSubdomainsOnlyWithWildcard() {
        RegistryHostPattern wildcard = pattern("*.example.com");

        assertThat(wildcard.matches("a.example.com")).isTrue();
        assertThat(wildcard.matches("b.a.example.com:8443")).isTrue();
        assertThat(wildcard.matches("example.com")).isFalse();
        assertThat(wildcard.matches("evilexample.com")).isFalse();
    }

    @Test
    public void shouldTellWhetherOnePatternIsWithinAnother() {
        assertThat(pattern("a.example.com:5000").isWithin(pattern("*.example.com")))
                .isTrue();
        assertThat(pattern("a.example.com:5000").isWithin(pattern("a.example.com")))
                .isTrue();
        assertThat(pattern("a.example.com").isWithin(pattern("a.example.com:5000")))
                .isFalse();
        assertThat(pattern("*.a.example.com").isWithin(pattern("*.example.com")))
                .isTrue();
        assertThat(pattern("*.example.com").isWithin(pattern("*.a.example.com")))
                .isFalse();
        assertThat(pattern("*.example.com").isWithin(pattern("a.example.com"))).isFalse();
    }

    @Test
    public void shouldRankExactBeforeHostBeforeLongerWildcards() {
        assertThat(pattern("a.example.com:5000").specificity())
                .isGreaterThan(pattern("a.example.com").specificity());
        assertThat(pattern("a.example.com").specificity())
                .isGreaterThan(pattern("*.a.example.com").specificity());
        assertThat(pattern("*.a.example.com").specificity())
                .isGreaterThan(pattern("*.example.com").specificity());
    }

    @Test
    public void shouldReturnHostWithoutPort() {
        assertThat(RegistryHostPattern.hostOf("registry.example.com:5000")).isEqualTo("registry.example.com");
        assertThat(RegistryHostPattern.hostOf("[::1]:5000")).isEqualTo("[::1]");
        assertThat(RegistryHostPattern.hostOf("[::1]")).isEqualTo("[::1]");
        assertThat(RegistryHostPattern.hostOf("quay.io")).isEqualTo("quay.io");
    }

    @Test
    public void shouldRejectWhatIsNotAHostNamingTheField() {
        for (String bad : List.of("https://quay.io", "quay.io/org", "*", "", "quay.io:port", "*.*.io")) {
            assertThatThrownBy(() -> pattern(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("registry: must be a registry host such as quay.io");
        }
    }

    @Test
    public void shouldHonourEqualsContract() {
        EqualsVerifier.forClass(RegistryHostPattern.class).verify();
    }
}
