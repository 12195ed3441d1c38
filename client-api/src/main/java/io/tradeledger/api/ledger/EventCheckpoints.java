package io.tradeledger.api.ledger;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.FileCheckpointer;

/**
 * How far each named consumer of an API user got: one Fabric Gateway {@link FileCheckpointer} file
 * per user and consumer under a directory ({@code <user>~<consumer>.checkpoint.json}), so that the
 * position survives a restart of the service. A file stays open (and locked) from its first use
 * until the service stops, which also keeps a second service instance from sharing the directory.
 *
 * <p>A saved position never moves backwards, also within a block: a stream that resumed from an
 * older Last-Event-ID does not set back what another stream of the same consumer already delivered.
 * The Gateway's events name their block but not their place in it, so within a block a position
 * moves only for a stream that has itself passed the saved one.
 */
public final class EventCheckpoints implements Managed {
  /** The names of users and consumers: no path separator, and no '~', which joins the two. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Path directory;
  private final Map<String, FileCheckpointer> files = new TreeMap<>();
  private boolean stopped;

  public EventCheckpoints(Path directory) {
    this.directory = directory;
  }

  @Override
  public void start() throws IOException {
    Files.createDirectories(directory);
  }

  @Override
  public synchronized void stop() throws IOException {
    for (FileCheckpointer file : files.values()) {
      file.sync();
      file.close();
    }
    files.clear();
    stopped = true;
  }

  /** The position after the last event delivered to the user's consumer, if any was. */
  public synchronized Optional<EventPosition> position(String user, String consumer) {
    return position(file(user, consumer));
  }

  private static Optional<EventPosition> position(FileCheckpointer file) {
    if (file.getBlockNumber().isEmpty() || file.getTransactionId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EventPosition(file.getBlockNumber().getAsLong(), file.getTransactionId().get()));
  }

  /**
   * Records that the user's consumer received everything up to and including {@code position},
   * unless the saved position is further: in a later block, or in the same block and not among
   * those the delivering stream has {@code passed}.
   *
   * @param passed whether the stream that delivered {@code position} delivered or started from the
   *     given position of the same block
   * @return whether the saved position moved
   */
  public synchronized boolean advance(
      String user, String consumer, EventPosition position, Predicate<EventPosition> passed) {
    FileCheckpointer file = file(user, consumer);
    Optional<EventPosition> saved = position(file);
    if (saved.isPresent()) {
      int order = Long.compareUnsigned(position.blockNumber(), saved.get().blockNumber());
      if (order < 0 || (order == 0 && !passed.test(saved.get()))) {
        return false;
      }
    }
    try {
      file.checkpointTransaction(position.blockNumber(), position.transactionId());
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the event checkpoint of " + consumer, e);
    }
  }

  private FileCheckpointer file(String user, String consumer) {
    if (!NAME.matcher(user).matches() || !NAME.matcher(consumer).matches()) {
      throw new IllegalArgumentException("not a user or consumer name");
    }
    String subscriber = user + "~" + consumer;
    FileCheckpointer file = files.get(subscriber);
    if (file == null) {
      if (stopped) {
        throw new IllegalStateException("the event checkpoints are closed");
      }
      try {
        file = new FileCheckpointer(directory.resolve(subscriber + ".checkpoint.json"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the event checkpoint of " + subscriber, e);
      }
      files.put(subscriber, file);
    }
    return file;
  }
}
