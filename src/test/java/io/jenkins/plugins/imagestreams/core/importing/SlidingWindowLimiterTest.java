package io.jenkins.plugins.imagestreams.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

/** The sliding-window cap, driven by explicit instants. */
public class SlidingWindowLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    public void shouldGrantUpToPermitsThenWaitForTheOldestToLeave() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofSeconds(60));

        assertThat(limiter.tryAcquire(T0)).isTrue();
        assertThat(limiter.tryAcquire(T0.plusSeconds(10))).isTrue();
        assertThat(limiter.tryAcquire(T0.plusSeconds(20))).isTrue();
        assertThat(limiter.tryAcquire(T0.plusSeconds(30))).isFalse();
        assertThat(limiter.waitTime(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(limiter.available(T0.plusSeconds(30))).isZero();
        assertThat(limiter.tryAcquire(T0.plusSeconds(60))).isTrue();
        assertThat(limiter.available(T0.plusSeconds(70))).isEqualTo(1);
    }

    @Test
    public void shouldLiftTheCapWithoutReservingMemoryForIt() {
        // A lifted cap (as the benchmarks and a "no throttle" policy use) used to allocate one slot per permit,
        // so a thousand streams with 1,000,000 permits each needed gigabytes before the first grant.
        java.util.List<SlidingWindowLimiter> limiters = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            limiters.add(new SlidingWindowLimiter(Integer.MAX_VALUE, Duration.ofMinutes(1)));
        }

        for (SlidingWindowLimiter limiter : limiters) {
            assertThat(limiter.tryAcquire(T0)).isTrue();
        }
        assertThat(limiters.get(0).available(T0)).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(limiters.get(0).waitTime(T0)).isZero();
    }

    @Test
    public void shouldForgetGrantsOnceTheyLeaveTheWindow() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, Duration.ofSeconds(10));

        for (int second = 0; second < 100; second += 5) {
            assertThat(limiter.tryAcquire(T0.plusSeconds(second)))
                    .as("second %d", second)
                    .isTrue();
        }
        assertThat(limiter.tryAcquire(T0.plusSeconds(99))).isFalse();
        assertThat(limiter.waitTime(T0.plusSeconds(99))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.available(T0.plusSeconds(104))).isEqualTo(1);
        assertThat(limiter.available(T0.plusSeconds(105))).isEqualTo(2);
    }

    @Test
    public void shouldRejectInvalidLimits() {
        assertThatThrownBy(() -> new SlidingWindowLimiter(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> new SlidingWindowLimiter(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    public void shouldBoundRequestsPerSecondOfARegistry() throws InterruptedException {
        io.jenkins.plugins.imagestreams.core.MutableClock clock =
                new io.jenkins.plugins.imagestreams.core.MutableClock(T0);
        RegistryLimiter limiter =
                new RegistryLimiter(new RegistryLimits(100, 5), java.util.Map.of(), clock, clock::advance);
        java.util.List<Instant> starts = new java.util.ArrayList<>();

        for (int i = 0; i < 50; i++) {
            try (RegistryLimiter.Permit permit = limiter.acquire("quay.io")) {
                starts.add(clock.instant());
            }
        }

        for (Instant start : starts) {
            long inWindow = starts.stream()
                    .filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(1)))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(5);
        }
        assertThat(Duration.between(T0, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(9));
    }
}
