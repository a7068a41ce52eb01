package io.jenkins.plugins.imagestreams.core;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

/**
 * Eight threads run 1,000 mixed tag, push and rollback operations on one stream; the history must be the one
 * some serial order of the changing operations produces, and no operation may be lost.
 */
public class ImageStreamsConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 1000;

    @Test
    public void shouldLinearizeOperationsOnOneStream() throws Exception {
        StreamFixture fixture = new StreamFixture();
        fixture.define(new ImageStream(
                "app",
                "",
                List.of(registryTag("main", "registry.example.com/team/app:main")),
                ImageStream.DEFAULT_INTERVAL,
                new HistoryRetention(HistoryRetention.MAX_REVISIONS, Duration.ofDays(365)),
                false));
        fixture.define(ImageStream.of("src", List.of()));
        fixture.imported("app", "main", digest(0));
        ImageStreams service = fixture.service;
        for (int k = 1; k <= 20; k++) {
            service.recordPush("src", "t" + k, pushed(100 + k), Map.of(), "setup");
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<TagResult>> futures = new ArrayList<>();
        Random seeds = new Random(20261130L);
        for (int i = 0; i < OPERATIONS; i++) {
            futures.add(pool.submit(operation(service, i, seeds.nextLong())));
        }
        List<TagResult> results = new ArrayList<>();
        for (Future<TagResult> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();

        List<TagEvent> history = service.history("app", "main");
        long changed = results.stream().filter(TagResult::changed).count();
        assertThat(history).hasSize((int) changed + 1);
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).digest()).isNotEqualTo(history.get(i + 1).digest());
            assertThat(history.get(i).generation()).isEqualTo(history.get(i + 1).generation() + 1);
        }
        for (TagResult result : results) {
            if (result.changed()) {
                assertThat(history)
                        .anySatisfy(e ->
                                assertThat(e.digest()).isEqualTo(result.digest().orElseThrow()));
            }
        }
        assertThat(fixture.store.load("app")).contains(service.status("app"));
    }

    private static Callable<TagResult> operation(final ImageStreams service, final int i, final long seed) {
        return () -> {
            Random random = new Random(seed);
            int kind = random.nextInt(3);
            if (kind == 1) {
                TagRequest copy = new TagRequest(
                        TagRequest.parseSource("src:t" + (1 + random.nextInt(20))), "app", "main", false, "user-" + i);
                return service.tag(copy);
            }
            if (kind == 0) {
                try {
                    return service.rollback("app", "main", RollbackTarget.parse("previous"), "user-" + i);
                } catch (InvalidValueException e) {
                    return service.recordPush("app", "main", pushed(i), Map.of(), "user-" + i);
                }
            }
            return service.recordPush("app", "main", pushed(1 + random.nextInt(20)), Map.of(), "user-" + i);
        };
    }

    private static ImageReference pushed(final int n) {
        return ImageReference.parse("registry.example.com/team/app@" + digest(n));
    }
}
