package io.jenkins.plugins.imagestreams.core.store;

import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StatusStore} in memory, for the command line's dry runs and for tests of the engine. */
public final class InMemoryStatusStore implements StatusStore {
    private final Map<String, ImageStreamStatus> statuses = new ConcurrentHashMap<>();

    @Override
    public Optional<ImageStreamStatus> load(final String stream) {
        return Optional.ofNullable(statuses.get(stream));
    }

    @Override
    public void save(final ImageStreamStatus status) {
        statuses.put(status.stream(), status);
    }

    @Override
    public Set<String> streams() {
        return Set.copyOf(statuses.keySet());
    }
}
