package io.jenkins.plugins.imagestreams.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import org.junit.Test;

/** The whole-number attributes: one rule, named as the user wrote the attribute, for typed and converted input. */
public class SpecNumberTest {
    @Test
    public void shouldAcceptTheEndsOfEachRange() {
        assertThat(SpecNumber.IMPORT_INTERVAL_MINUTES.parse(" 1 ")).isEqualTo(1);
        assertThat(SpecNumber.IMPORT_INTERVAL_MINUTES.require(10080)).isEqualTo(10080);
        assertThat(SpecNumber.HISTORY_MAX_AGE_HOURS.require(0)).isZero();
        assertThat(SpecNumber.HISTORY_MAX_AGE_HOURS.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SpecNumber.READ_TIMEOUT_SECONDS.parse("300")).isEqualTo(300);
    }

    @Test
    public void shouldNameTheAttributeTheUnitAndTheValueAsTyped() {
        assertThatThrownBy(() -> SpecNumber.IMPORT_INTERVAL_MINUTES.parse("20161"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(
                        "importIntervalMinutes: must be a whole number of minutes between 1 and 10080 (got '20161')");
        assertThatThrownBy(() -> SpecNumber.IMPORT_INTERVAL_MINUTES.parse("15m"))
                .hasMessage("importIntervalMinutes: must be a whole number of minutes between 1 and 10080 (got '15m')");
        assertThatThrownBy(() -> SpecNumber.HISTORY_MAX_AGE_HOURS.parse("9223372036854775807"))
                .hasMessage("historyMaxAgeHours: must be a whole number of hours, 0 or more"
                        + " (got '9223372036854775807')");
        assertThatThrownBy(() -> SpecNumber.HISTORY_REVISIONS.parse(null))
                .hasMessage("historyRevisions: must be a whole number between 1 and 1000 (got null)");
        assertThatThrownBy(() -> SpecNumber.CONNECT_TIMEOUT_SECONDS.require(0))
                .hasMessage("connectTimeoutSeconds: must be a whole number of seconds between 1 and 300 (got '0')");
    }

    @Test
    public void shouldRejectWhatJenkinsCouldNotConvertInsteadOfDefaultingIt() {
        // Stapler converts "15m" or a number beyond 32 bits to null for an Integer (and to 0 for an int)
        assertThatThrownBy(() -> SpecNumber.HISTORY_MAX_AGE_HOURS.require(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("historyMaxAgeHours: must be a whole number of hours, 0 or more (got null)");
        assertThat(SpecNumber.HISTORY_MAX_AGE_HOURS.attribute()).isEqualTo("historyMaxAgeHours");
    }
}
