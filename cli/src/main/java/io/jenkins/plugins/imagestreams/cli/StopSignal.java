package io.jenkins.plugins.imagestreams.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a loop: a shutdown hook asks the loop to stop and waits until the loop says it is done, so the work
 * under way (a cycle, its journal writes, closing the state directory) finishes before the JVM exits.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /**
     * Installs the shutdown hook.
     *
     * @param wait how long the hook waits for {@link #done()}
     */
    StopSignal(final Duration wait) {
        hook = new Thread(
                () -> {
                    requested.countDown();
                    try {
                        done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "imagestreams stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /**
     * Waits until the next cycle is due or a stop is requested.
     *
     * @param delay the most to wait
     * @return true when a stop was requested, false when the delay passed first
     * @throws InterruptedException if interrupted
     */
    boolean await(final Duration delay) throws InterruptedException {
        return requested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Says the loop has finished and released what it held; removes the hook unless it is running. */
    void done() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and returns now
        }
    }
}
