package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The per-registry caps: a bound on requests in flight (a fair semaphore) and a bound on requests started per
 * second (a {@link SlidingWindowLimiter} over one second), for each registry host.
 */
public final class RegistryLimiter {
    private final RegistryLimits defaults;
    private final Map<String, RegistryLimits> overrides;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * Creates the limiter.
     *
     * @param defaults the caps of registries without an override
     * @param overrides caps by registry host, e.g. {@code docker.io}
     * @param clock the time source of the per-second window
     * @param sleeper how to wait for the window
     */
    public RegistryLimiter(
            final RegistryLimits defaults,
            final Map<String, RegistryLimits> overrides,
            final Clock clock,
            final Sleeper sleeper) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.overrides = Map.copyOf(overrides);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits until a request to a registry may start: first for a free concurrency slot, then for a free place in
     * the one-second window. Close the permit when the request is done.
     *
     * @param registry the registry host, e.g. {@code quay.io}
     * @return the permit, holding one concurrency slot
     * @throws InterruptedException if interrupted while waiting; nothing is then held
     */
    public Permit acquire(final String registry) throws InterruptedException {
        Gate gate = gates.computeIfAbsent(registry, r -> new Gate(overrides.getOrDefault(r, defaults)));
        gate.inFlight.acquire();
        try {
            while (!gate.perSecond.tryAcquire(clock.instant())) {
                Duration wait = gate.perSecond.waitTime(clock.instant());
                sleeper.sleep(wait.isZero() ? Duration.ofMillis(1) : wait);
            }
        } catch (InterruptedException | RuntimeException e) {
            gate.inFlight.release();
            throw e;
        }
        return new Permit(gate.inFlight);
    }

    /** A held concurrency slot; closing it twice releases it once. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore semaphore;
        private boolean released;

        private Permit(final Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                semaphore.release();
            }
        }
    }

    private static final class Gate {
        private final Semaphore inFlight;
        private final SlidingWindowLimiter perSecond;

        Gate(final RegistryLimits limits) {
            inFlight = new Semaphore(limits.maxConcurrent(), true);
            perSecond = new SlidingWindowLimiter(limits.requestsPerSecond(), Duration.ofSeconds(1));
        }
    }
}
