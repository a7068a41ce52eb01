package io.jenkins.plugins.imagestreams.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link StoreProblems} that remembers every report. */
public final class RecordingProblems implements StoreProblems {
    /**
     * One report.
     *
     * @param stream the stream
     * @param keptAs where the file was kept
     * @param reason why it was corrupt
     */
    public record Report(String stream, Path keptAs, String reason) {}

    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void corrupt(final String stream, final Path keptAs, final String reason) {
        reports.add(new Report(stream, keptAs, reason));
    }

    /**
     * Returns the reports so far.
     *
     * @return the reports, oldest first
     */
    public List<Report> reports() {
        return List.copyOf(reports);
    }
}
