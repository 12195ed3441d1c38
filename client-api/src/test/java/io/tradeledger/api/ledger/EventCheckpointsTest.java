package io.tradeledger.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCheckpointsTest {
  @TempDir Path directory;

  @Test
  void a_position_survives_a_restart() throws Exception {
    EventCheckpoints before = new EventCheckpoints(directory.resolve("checkpoints"));
    before.start();
    assertThat(before.position("alice", "sync")).isEmpty();
    before.advance("alice", "sync", new EventPosition(41, "ab12"), saved -> false);
    before.stop();

    EventCheckpoints after = new EventCheckpoints(directory.resolve("checkpoints"));
    after.start();

    assertThat(after.position("alice", "sync")).contains(new EventPosition(41, "ab12"));
    assertThat(after.position("alice", "other")).isEmpty();
    assertThat(after.position("bob", "sync")).isEmpty();
    after.stop();
  }

  @Test
  void a_position_only_moves_forward() throws Exception {
    EventCheckpoints checkpoints = new EventCheckpoints(directory);
    checkpoints.start();

    checkpoints.advance("alice", "sync", new EventPosition(41, "ab12"), saved -> true);
    checkpoints.advance("alice", "sync", new EventPosition(40, "ff00"), saved -> true);
    assertThat(checkpoints.position("alice", "sync")).contains(new EventPosition(41, "ab12"));
    checkpoints.advance("alice", "sync", new EventPosition(42, "0a0a"), saved -> false);
    assertThat(checkpoints.position("alice", "sync")).contains(new EventPosition(42, "0a0a"));
    checkpoints.stop();
  }

  @Test
  void within_a_block_a_position_moves_only_for_a_stream_that_passed_it() throws Exception {
    EventCheckpoints checkpoints = new EventCheckpoints(directory);
    checkpoints.start();
    checkpoints.advance("alice", "sync", new EventPosition(41, "cd34"), saved -> true);

    checkpoints.advance("alice", "sync", new EventPosition(41, "ab12"), saved -> false);
    assertThat(checkpoints.position("alice", "sync")).contains(new EventPosition(41, "cd34"));
    checkpoints.advance(
        "alice", "sync", new EventPosition(41, "ef56"), new EventPosition(41, "cd34")::equals);
    assertThat(checkpoints.position("alice", "sync")).contains(new EventPosition(41, "ef56"));
    checkpoints.stop();
  }

  @Test
  void a_subscriber_name_cannot_leave_the_directory() throws Exception {
    EventCheckpoints checkpoints = new EventCheckpoints(directory);
    checkpoints.start();

    assertThatThrownBy(() -> checkpoints.position("alice", "../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checkpoints.position("a/b", "sync"))
        .isInstanceOf(IllegalArgumentException.class);
    checkpoints.stop();
  }
}
