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
    assertThat(before.position("alice")).isEmpty();
    before.save("alice", new EventPosition(41, "ab12"));
    before.stop();

    EventCheckpoints after = new EventCheckpoints(directory.resolve("checkpoints"));
    after.start();

    assertThat(after.position("alice")).contains(new EventPosition(41, "ab12"));
    assertThat(after.position("bob")).isEmpty();
    after.stop();
  }

  @Test
  void a_position_only_moves_forward() throws Exception {
    EventCheckpoints checkpoints = new EventCheckpoints(directory);
    checkpoints.start();

    checkpoints.save("alice", new EventPosition(41, "ab12"));
    checkpoints.save("alice", new EventPosition(40, "ff00"));
    assertThat(checkpoints.position("alice")).contains(new EventPosition(41, "ab12"));
    checkpoints.save("alice", new EventPosition(41, "cd34"));
    assertThat(checkpoints.position("alice")).contains(new EventPosition(41, "cd34"));
    checkpoints.stop();
  }

  @Test
  void a_subscriber_name_cannot_leave_the_directory() throws Exception {
    EventCheckpoints checkpoints = new EventCheckpoints(directory);
    checkpoints.start();

    assertThatThrownBy(() -> checkpoints.position("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    checkpoints.stop();
  }
}
