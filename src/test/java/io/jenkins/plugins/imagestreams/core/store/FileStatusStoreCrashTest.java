package io.jenkins.plugins.imagestreams.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileStatusStoreCrashTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RecordingProblems problems = new RecordingProblems();
    private final ImageStreamStatus oldStatus = StatusExamples.rich("app", 1);
    private final ImageStreamStatus newStatus = ImageStreamStatus.empty("app").withRevision(2);
    private Path dir;

    @Before
    public void storeOldState() throws IOException {
        dir = folder.newFolder("statuses").toPath();
        new FileStatusStore(dir, Clock.systemUTC(), problems).save(oldStatus);
    }

    @After
    public void makeWritableAgain() {
        assertThat(dir.toFile().setWritable(true)).isTrue();
    }

    @Test
    public void shouldKeepTheOldStateWhenInterruptedBeforeTheMove() throws IOException {
        FileMover crashBeforeMove = (source, target) -> {
            assertThat(source).isRegularFile().hasParent(dir);
            throw new SimulatedCrash();
        };
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems, crashBeforeMove);

        assertThatThrownBy(() -> store.save(newStatus)).isInstanceOf(SimulatedCrash.class);

        assertOnlyTheStatusFile();
        assertThat(restarted().load("app")).contains(oldStatus);
        assertThat(problems.reports()).isEmpty();
    }

    @Test
    public void shouldReportAFailedMoveNamingTheFile() throws IOException {
        FileMover refusingMove = (source, target) -> {
            throw new AccessDeniedException(target.toString());
        };
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems, refusingMove);

        assertThatThrownBy(() -> store.save(newStatus))
                .isInstanceOf(StatusStoreException.class)
                .hasMessage("cannot write the status of stream 'app' to " + dir.resolve("app.json"))
                .hasCauseInstanceOf(AccessDeniedException.class);

        assertOnlyTheStatusFile();
        assertThat(restarted().load("app")).contains(oldStatus);
    }

    @Test
    public void shouldReadTheNewStateWhenInterruptedAfterTheMove() throws IOException {
        FileMover crashAfterMove = (source, target) -> {
            FileMover.ATOMIC.move(source, target);
            throw new SimulatedCrash();
        };
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems, crashAfterMove);

        assertThatThrownBy(() -> store.save(newStatus)).isInstanceOf(SimulatedCrash.class);

        assertOnlyTheStatusFile();
        assertThat(restarted().load("app")).contains(newStatus);
    }

    /**
     * The directory is made read-only. As an ordinary user the temporary file cannot be created; as root (or
     * where permissions do not apply) the mover refuses the rename the way the operating system would.
     */
    @Test
    public void shouldThrowAndKeepTheOldStateWhenTheDirectoryIsReadOnly() throws IOException {
        AtomicBoolean readOnly = new AtomicBoolean();
        FileMover honouringReadOnly = (source, target) -> {
            if (readOnly.get()) {
                throw new AccessDeniedException(target.toString());
            }
            FileMover.ATOMIC.move(source, target);
        };
        FileStatusStore store = new FileStatusStore(dir, Clock.systemUTC(), problems, honouringReadOnly);
        makeReadOnly();
        readOnly.set(true);

        assertThatThrownBy(() -> store.save(newStatus))
                .isInstanceOf(StatusStoreException.class)
                .hasMessageContaining(dir.resolve("app.json").toString());

        assertOnlyTheStatusFile();
        assertThat(store.load("app")).contains(oldStatus);
        assertThat(restarted().load("app")).contains(oldStatus);
    }

    private void makeReadOnly() throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> readAndList = PosixFilePermissions.fromString("r-xr-xr-x");
            Files.setPosixFilePermissions(dir, readAndList);
        } else {
            assertThat(dir.toFile().setWritable(false)).isTrue();
        }
    }

    private FileStatusStore restarted() {
        return new FileStatusStore(dir, Clock.systemUTC(), problems);
    }

    private void assertOnlyTheStatusFile() {
        assertThat(dir.toFile().list()).containsExactly("app.json");
    }

    /** Stands for the process dying: not an IOException, so nothing handles it on the way out. */
    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
