package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated process crash: armed to fire at the n-th fault point passed, after which every point and every
 * read fails until {@link #restart()}, as if the process were gone.
 */
final class Crash {
    private int countdown;
    private boolean crashed;
    private final Map<String, Integer> crashesAt = new TreeMap<>();

    /** The exception a crashed component throws. */
    static final class CrashException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CrashException(final String where) {
            super("simulated crash at " + where);
        }
    }

    void arm(final int points) {
        countdown = points;
    }

    void point(final String where) {
        alive(where);
        if (countdown > 0 && --countdown == 0) {
            crashed = true;
            crashesAt.merge(where, 1, Integer::sum);
            throw new CrashException(where);
        }
    }

    void alive(final String where) {
        if (crashed) {
            throw new CrashException(where + " (process is down)");
        }
    }

    boolean crashed() {
        return crashed;
    }

    void restart() {
        crashed = false;
        countdown = 0;
    }

    Map<String, Integer> crashesAt() {
        return crashesAt;
    }
}
