package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionKey;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionState;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import java.util.Map;

/**
 * A subscription store that "crashes" once, at one point of the triggerer's persist, schedule, confirm sequence: the
 * exception stops the sequence there, as a killed process would, and the test then restarts on the same directory.
 */
final class CrashingSubscriptionStore implements SubscriptionStore {
    /** Where the crash happens. */
    enum Point {
        /** The pending state is on disk, the fire is not yet in the journal. */
        AFTER_PERSISTING_PENDING,
        /** The fire is in the journal, the state is not confirmed. */
        BEFORE_CONFIRMING
    }

    private final SubscriptionStore delegate;
    private final Point point;
    private boolean armed = true;

    CrashingSubscriptionStore(final SubscriptionStore delegate, final Point point) {
        this.delegate = delegate;
        this.point = point;
    }

    @Override
    public Map<SubscriptionKey, SubscriptionState> load(final String jobFullName) {
        return delegate.load(jobFullName);
    }

    @Override
    public void save(final String jobFullName, final Map<SubscriptionKey, SubscriptionState> states) {
        boolean pending = states.values().stream().anyMatch(s -> !s.confirmed());
        boolean confirmingFire = states.values().stream()
                .anyMatch(s -> s.confirmed() && s.lastTriggeredAt().isPresent());
        if (armed && point == Point.AFTER_PERSISTING_PENDING && pending) {
            armed = false;
            delegate.save(jobFullName, states);
            throw new IllegalStateException("crash after persisting the pending state of " + jobFullName);
        }
        if (armed && point == Point.BEFORE_CONFIRMING && confirmingFire) {
            armed = false;
            throw new IllegalStateException("crash before confirming the fire of " + jobFullName);
        }
        delegate.save(jobFullName, states);
    }

    @Override
    public void remove(final String jobFullName) {
        delegate.remove(jobFullName);
    }

    @Override
    public void rename(final String oldJobFullName, final String newJobFullName) {
        delegate.rename(oldJobFullName, newJobFullName);
    }
}
