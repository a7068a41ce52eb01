package io.jenkins.plugins.imagestreams.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The step of {@link FileStatusStore#save} that puts a fully written, synced temporary file in place of the
 * stream's file. Tests replace it to simulate a crash before or after the move.
 */
@FunctionalInterface
interface FileMover {
    /** Renames atomically, replacing the target: readers see the old file or the new one, never a mix. */
    FileMover ATOMIC = (source, target) ->
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    /**
     * Moves a file within the store's directory.
     *
     * @param source the synced temporary file
     * @param target the stream's file
     * @throws IOException if the move fails; the target is then unchanged
     */
    void move(Path source, Path target) throws IOException;
}
