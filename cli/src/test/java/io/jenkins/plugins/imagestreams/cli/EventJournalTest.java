package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The watch's event journal: what it remembers across restarts, and a line a crash cut short. */
public class EventJournalTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final Digest ONE = Digest.sha256Of("one".getBytes(StandardCharsets.UTF_8));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final List<String> printed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private static TagEvent event(final Digest digest) {
        return new TagEvent(AT, digest, "quay.io/org/app@" + digest, 1, TagEventCause.POLL, TagEvent.SYSTEM, Map.of());
    }

    @Test
    public void shouldRememberWhatWasReportedAcrossARestart() throws Exception {
        Path state = temp.getRoot().toPath();
        try (EventJournal journal = EventJournal.open(state, printed::add, warnings::add)) {
            journal.append(WatchEvents.tagMoved(AT, "app", "1.0", Optional.empty(), event(ONE)));
        }

        try (EventJournal reopened = EventJournal.open(state, printed::add, warnings::add)) {
            assertThat(reopened.reportedDigest("app", "1.0")).contains(ONE.toString());
            assertThat(reopened.reportedDigest("app", "2.0")).isEmpty();
            assertThat(reopened.reportedCondition("app", "1.0")).isEqualTo(EventJournal.Reported.SUCCESS);
            assertThat(reopened.lastFired("deploy", "app", "1.0")).isEmpty();
        }
        assertThat(printed).hasSize(1).allSatisfy(line -> assertThat(line).contains("\"event\":\"tagMoved\""));
        assertThat(warnings).isEmpty();
    }

    @Test
    public void shouldSkipALineACrashCutShortAndKeepTheNextOne() throws Exception {
        Path state = temp.getRoot().toPath();
        Files.writeString(state.resolve(EventJournal.FILE), "{\"time\":\"2026-", StandardOpenOption.CREATE);

        try (EventJournal journal = EventJournal.open(state, printed::add, warnings::add)) {
            journal.append(WatchEvents.tagMoved(AT, "app", "1.0", Optional.empty(), event(ONE)));
        }
        try (EventJournal reopened = EventJournal.open(state, printed::add, warnings::add)) {
            assertThat(reopened.reportedDigest("app", "1.0")).contains(ONE.toString());
        }

        assertThat(Files.readAllLines(state.resolve(EventJournal.FILE))).hasSize(2);
        assertThat(warnings)
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).endsWith("skipped an unreadable line (cut short by a crash?)"));
    }
}
