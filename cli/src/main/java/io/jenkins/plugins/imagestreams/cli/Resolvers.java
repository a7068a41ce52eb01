package io.jenkins.plugins.imagestreams.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that run an import cycle's resolves: four daemon threads, as the plugin's poller has. */
final class Resolvers implements AutoCloseable {
    private static final int THREADS = 4;

    private final ExecutorService executor;

    Resolvers() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "imagestreams resolve " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
