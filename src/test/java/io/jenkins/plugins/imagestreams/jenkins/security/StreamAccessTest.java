package io.jenkins.plugins.imagestreams.jenkins.security;

import static io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess.StreamAction.IMPORT;
import static io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess.StreamAction.TAG;
import static io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess.StreamAction.VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The per-stream lists, as pure functions over who is asking. */
public class StreamAccessTest {
    @Test
    public void shouldRestrictNothingWhenListsAreEmpty() {
        StreamAccess open = StreamAccess.parse("", " ", null);

        assertThat(open).isEqualTo(StreamAccess.OPEN);
        assertThat(open.allows(VIEW, "anyone", List.of())).isTrue();
        assertThat(open.allows(TAG, "anyone", List.of())).isTrue();
        assertThat(open.allows(IMPORT, "anyone", List.of())).isTrue();
    }

    @Test
    public void shouldMatchUsersAndGroups() {
        StreamAccess access = StreamAccess.parse("alice, qa", "bob release-managers", "carol");

        assertThat(access.viewers()).isEqualTo(Set.of("alice", "qa"));
        assertThat(access.allows(VIEW, "alice", List.of())).isTrue();
        assertThat(access.allows(VIEW, "dave", List.of("qa"))).isTrue();
        assertThat(access.allows(VIEW, "dave", List.of("dev"))).isFalse();
        assertThat(access.allows(TAG, "erin", List.of("release-managers"))).isTrue();
        assertThat(access.allows(TAG, "alice", List.of("qa"))).isFalse();
        assertThat(access.allows(IMPORT, "carol", List.of())).isTrue();
        assertThat(access.allows(IMPORT, "bob", List.of())).isFalse();
    }

    @Test
    public void shouldLetTaggersAndImportersView() {
        StreamAccess access = StreamAccess.parse("alice", "bob", "carol");

        assertThat(access.allows(VIEW, "bob", List.of())).isTrue();
        assertThat(access.allows(VIEW, "carol", List.of())).isTrue();
        assertThat(access.allows(VIEW, "mallory", List.of("bobs"))).isFalse();
    }

    @Test
    public void shouldLeaveTagAndImportOpenWhenOnlyViewersAreListed() {
        StreamAccess access = StreamAccess.parse("alice", "", "");

        assertThat(access.allows(TAG, "mallory", List.of())).isTrue();
        assertThat(access.allows(VIEW, "mallory", List.of())).isFalse();
    }
}
