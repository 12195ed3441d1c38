package io.tradeledger.api.config;

import io.dropwizard.util.Duration;
import java.nio.file.Path;

/**
 * The server-sent event stream: where each named consumer's position is kept (one file per API user
 * and consumer), how often a quiet stream gets a keep-alive comment, and how many streams may be
 * open at once.
 */
public record EventStreams(Path checkpointDirectory, Duration heartbeat, Integer maxStreams) {
  public EventStreams {
    if (checkpointDirectory == null) {
      checkpointDirectory = Path.of("event-checkpoints");
    }
    if (heartbeat == null) {
      heartbeat = Duration.seconds(15);
    }
    if (maxStreams == null) {
      maxStreams = 64;
    }
    if (heartbeat.toMilliseconds() < 1 || maxStreams < 1) {
      throw new IllegalArgumentException("heartbeat and maxStreams must be positive");
    }
  }

  public static EventStreams defaults() {
    return new EventStreams(null, null, null);
  }
}
