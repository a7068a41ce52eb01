package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileStatusStoreConcurrencyTest {
    private static final int THREADS = 8;
    private static final int SAVES = 25;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final RecordingProblems problems = new RecordingProblems();

    @After
    public void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    public void shouldSaveAndReadDifferentStreamsFromEightThreads() throws Exception {
        Path dir = folder.newFolder("statuses").toPath();
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems);

        runTogether(thread -> {
            String stream = "stream-" + thread;
            for (int revision = 1; revision <= SAVES; revision++) {
                ImageStreamStatus status = StatusExamples.rich(stream, revision);
                store.save(status);
                assertThat(store.load(stream)).contains(status);
            }
        });

        assertThat(store.streams()).hasSize(THREADS);
        for (int thread = 0; thread < THREADS; thread++) {
            String stream = "stream-" + thread;
            assertThat(new ObjectMapper()
                            .readTree(dir.resolve(stream + ".json").toFile())
                            .get("revision")
                            .asLong())
                    .isEqualTo(SAVES);
            assertThat(new FileStatusStore(dir, Clock.systemUTC(), problems).load(stream))
                    .contains(StatusExamples.rich(stream, SAVES));
        }
        assertThat(dir.toFile().list()).hasSize(THREADS);
        assertThat(problems.reports()).isEmpty();
    }

    @Test
    public void shouldLeaveOneWholeStatusWhenEightThreadsSaveTheSameStream() throws Exception {
        Path dir = folder.newFolder("statuses").toPath();
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems);

        runTogether(thread -> {
            for (int i = 0; i < SAVES; i++) {
                store.save(StatusExamples.rich("shared", thread * 1000L + i));
                assertThat(store.load("shared")).isPresent();
            }
        });

        long revision = store.load("shared").orElseThrow().revision();
        assertThat(revision % 1000).isEqualTo(SAVES - 1);
        assertThat(dir.toFile().list()).containsExactly("shared.json");
        assertThat(problems.reports()).isEmpty();
    }

    private void runTogether(final Worker worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> results = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int id = thread;
            Callable<Void> task = () -> {
                start.await();
                worker.run(id);
                return null;
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        for (Future<Void> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Worker {
        void run(int thread) throws IOException;
    }
}
