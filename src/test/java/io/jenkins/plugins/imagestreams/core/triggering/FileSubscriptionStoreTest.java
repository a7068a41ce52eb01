package io.jenkins.plugins.imagestreams.core.triggering;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The file store of subscription states: round trip, atomic replacement, corrupt files kept aside. */
public class FileSubscriptionStoreTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final SubscriptionKey KEY = new SubscriptionKey("folder/app build", "app", "1");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final MutableClock clock = new MutableClock(AT);
    private final List<String> problems = new ArrayList<>();

    private FileSubscriptionStore store() {
        return new FileSubscriptionStore(
                folder.getRoot().toPath(),
                clock,
                (job, keptAs, reason) -> problems.add(job + " -> " + keptAs.getFileName() + ": " + reason));
    }

    @Test
    public void shouldReadBackWhatAnotherInstanceWrote() {
        SubscriptionState pending = SubscriptionState.pending(digest(2), Optional.of(digest(1)), AT);
        SubscriptionState baseline = SubscriptionState.baseline(Optional.empty());
        SubscriptionKey other = new SubscriptionKey("folder/app build", "base", "jdk");

        store().save("folder/app build", Map.of(KEY, pending));
        store().save("folder/app build", Map.of(other, baseline));

        assertThat(store().load("folder/app build")).containsOnly(Map.entry(KEY, pending), Map.entry(other, baseline));
        assertThat(store().load("another")).isEmpty();
    }

    @Test
    public void shouldWriteVersionedJsonAndLeaveNoTemporaryFile() throws IOException {
        FileSubscriptionStore store = store();

        store.save(
                KEY.jobFullName(),
                Map.of(
                        KEY,
                        SubscriptionState.pending(digest(2), Optional.empty(), AT)
                                .confirm()));

        String json = Files.readString(store.fileFor(KEY.jobFullName()));
        assertThat(json)
                .contains(
                        "\"formatVersion\" : 1",
                        "\"job\" : \"folder/app build\"",
                        "\"lastTriggeredDigest\" : \"" + digest(2) + "\"",
                        "\"confirmed\" : true");
        try (Stream<Path> files = Files.list(folder.getRoot().toPath())) {
            assertThat(files).singleElement().isEqualTo(store.fileFor(KEY.jobFullName()));
        }
    }

    @Test
    public void shouldKeepCorruptFileAsideAndStartEmpty() throws IOException {
        FileSubscriptionStore writer = store();
        writer.save(KEY.jobFullName(), Map.of(KEY, SubscriptionState.baseline(Optional.of(digest(1)))));
        Path file = writer.fileFor(KEY.jobFullName());
        Files.writeString(file, "{\"formatVersion\": 99}", StandardCharsets.UTF_8);

        assertThat(store().load(KEY.jobFullName())).isEmpty();
        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("folder/app build -> " + file.getFileName() + ".corrupt-20261130T100000.000Z")
                .contains("formatVersion 99");
        assertThat(file).doesNotExist();
    }

    @Test
    public void shouldRejectStatesOfAnotherJob() {
        assertThatThrownBy(() -> store().save("other", Map.of(KEY, SubscriptionState.baseline(Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("folder/app build");
    }

    @Test
    public void shouldForgetARemovedJob() {
        FileSubscriptionStore store = store();
        store.save(KEY.jobFullName(), Map.of(KEY, SubscriptionState.baseline(Optional.empty())));

        store.remove(KEY.jobFullName());

        assertThat(store().load(KEY.jobFullName())).isEmpty();
    }

    @Test
    public void shouldMoveStatesToTheNewNameAndRemoveTheOldFile() throws IOException {
        FileSubscriptionStore store = store();
        SubscriptionState pending = SubscriptionState.pending(digest(2), Optional.of(digest(1)), AT);
        store.save(KEY.jobFullName(), Map.of(KEY, pending));
        store.save("team/deploy", Map.of(new SubscriptionKey("team/deploy", "stale", "1"), baseline()));

        store.rename(KEY.jobFullName(), "team/deploy");

        assertThat(Files.exists(store.fileFor(KEY.jobFullName()))).isFalse();
        assertThat(store().load(KEY.jobFullName())).isEmpty();
        assertThat(store().load("team/deploy"))
                .containsOnly(Map.entry(new SubscriptionKey("team/deploy", "app", "1"), pending));
        assertThat(Files.readString(store.fileFor("team/deploy"), StandardCharsets.UTF_8))
                .contains("\"job\" : \"team/deploy\"");
    }

    @Test
    public void shouldRenameBothStoresAlike() {
        for (SubscriptionStore store : List.of(store(), new InMemorySubscriptionStore())) {
            store.save(KEY.jobFullName(), Map.of(KEY, baseline()));
            store.save("empty-before", Map.of(new SubscriptionKey("empty-before", "app", "2"), baseline()));

            store.rename(KEY.jobFullName(), KEY.jobFullName());
            assertThat(store.load(KEY.jobFullName())).containsOnlyKeys(KEY);
            store.rename("never-saved", "empty-before");

            assertThat(store.load("empty-before")).isEmpty();
            assertThat(store.load(KEY.jobFullName())).containsOnlyKeys(KEY);
        }
    }

    private static SubscriptionState baseline() {
        return SubscriptionState.baseline(Optional.of(digest(1)));
    }

    @Test
    public void shouldRejectInconsistentStates() {
        assertThatThrownBy(() -> new SubscriptionState(Optional.empty(), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unconfirmed");
    }
}
