package io.tradeledger.api.ledger;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.FileCheckpointer;

/**
 * How far each subscriber's event stream got: one Fabric Gateway {@link FileCheckpointer} file per
 * subscriber under a directory, so that the position survives a restart of the service. A file
 * stays open (and locked) from its first use until the service stops, which also keeps a second
 * service instance from sharing the directory.
 *
 * <p>A saved position only moves forward: a stream that resumed from an older Last-Event-ID does
 * not set back what a newer stream of the same subscriber already delivered.
 */
public final class EventCheckpoints implements Managed {
  private static final Pattern SUBSCRIBER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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

  /** The position after the last event delivered to the subscriber, if any was. */
  public synchronized Optional<EventPosition> position(String subscriber) {
    FileCheckpointer file = file(subscriber);
    if (file.getBlockNumber().isEmpty() || file.getTransactionId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EventPosition(file.getBlockNumber().getAsLong(), file.getTransactionId().get()));
  }

  /** Records that the subscriber received everything up to and including {@code position}. */
  public synchronized void save(String subscriber, EventPosition position) {
    FileCheckpointer file = file(subscriber);
    if (file.getBlockNumber().isPresent()
        && Long.compareUnsigned(position.blockNumber(), file.getBlockNumber().getAsLong()) < 0) {
      return;
    }
    try {
      file.checkpointTransaction(position.blockNumber(), position.transactionId());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the event checkpoint of " + subscriber, e);
    }
  }

  private FileCheckpointer file(String subscriber) {
    if (!SUBSCRIBER.matcher(subscriber).matches()) {
      throw new IllegalArgumentException("not a subscriber name: " + subscriber);
    }
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
