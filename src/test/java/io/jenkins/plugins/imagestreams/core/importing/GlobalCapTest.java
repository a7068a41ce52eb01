package io.jenkins.plugins.imagestreams.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** The global cap over many cycles: 1,000 due tags at 60 per minute. */
public class GlobalCapTest {
    private final ImporterFixture fixture = new ImporterFixture();

    @After
    public void stopExecutor() {
        fixture.close();
    }

    @Test
    public void shouldNeverExceedSixtyResolvesInAnySlidingMinute() throws InterruptedException {
        fixture.defineRegistryTags(100, 10);
        fixture.importer(new ImportCaps(60, new RegistryLimits(8, 100), Map.of()), CredentialsResolver.NONE);
        Instant start = fixture.streams.clock.instant();

        while (fixture.streams.clock.instant().isBefore(start.plus(Duration.ofMinutes(20)))) {
            fixture.cycle();
            fixture.streams.clock.advance(Duration.ofSeconds(10));
        }

        List<Instant> calls = fixture.registry.calls().stream()
                .map(FakeRegistry.Call::at)
                .sorted()
                .toList();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(fixture.registry.calls().stream()
                        .map(FakeRegistry.Call::reference)
                        .distinct())
                .hasSize(1_000);
        int worst = 0;
        for (int i = 0, j = 0; i < calls.size(); i++) {
            while (j < calls.size() && calls.get(j).isBefore(calls.get(i).plusSeconds(60))) {
                j++;
            }
            worst = Math.max(worst, j - i);
        }
        assertThat(worst).isEqualTo(60);
    }
}
