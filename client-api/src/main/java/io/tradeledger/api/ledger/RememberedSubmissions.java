package io.tradeledger.api.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a repeated submission converge on the first: the same Fabric user submitting the same call
 * (transaction, arguments, transient data) again within {@link #KEEP} gets the first attempt's
 * committed result and transaction id, not a second transaction that the contract would refuse as a
 * repeated state change (409). This holds across a restart of the service, a crash included.
 *
 * <p>Each attempt is written down when it is endorsed and about to go to the orderer (its
 * transaction id and the result it returns if valid), in a file per call under a directory, before
 * anything could commit. A repeated call looks its earlier attempts up on the ledger: one committed
 * valid gives its result; an invalidated one is forgotten; if none committed, the call is submitted
 * anew (at most one attempt can commit: each reads what the others write, so Fabric invalidates the
 * rest), and a refusal of that new attempt is checked against the earlier ones once more.
 *
 * <p>Files are named by a digest of the call (private data enters it only as a digest) and hold the
 * transaction ids and results, readable by the owner only. The most recent {@link #CAPACITY} calls
 * are kept; older files and those past {@link #KEEP} are deleted. A file is written without forcing
 * it to disk: it survives the service's crash, not the machine's.
 */
public final class RememberedSubmissions implements LedgerPort, Managed {
  static final Duration KEEP = Duration.ofMinutes(15);
  static final int CAPACITY = 1_000;

  /** Attempts kept per call: a call retried more often while none commits keeps its latest. */
  static final int ATTEMPTS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(RememberedSubmissions.class);
  private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}\\.json");
  private static final ObjectMapper FILES = Jackson.newObjectMapper();

  private final LedgerPort ledger;
  private final Path directory;
  private final Clock clock;
  private final Map<String, Remembered> remembered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          if (size() > CAPACITY) {
            delete(eldest.getKey());
            return true;
          }
          return false;
        }
      };

  /**
   * @param directory where each call's attempts are written; created on {@link #start()}
   */
  public RememberedSubmissions(LedgerPort ledger, Path directory, Clock clock) {
    this.ledger = ledger;
    this.directory = directory;
    this.clock = clock;
  }

  /** One endorsed attempt: its transaction id and what it returns if it commits valid. */
  record Attempt(String transactionId, byte[] result) {}

  /**
   * A call's attempts, oldest first; {@code committed} when the last one is known to be valid.
   * Written to its file as JSON (the results in Base64).
   */
  record Remembered(List<Attempt> attempts, boolean committed, Instant at) {
    Remembered {
      attempts = List.copyOf(attempts);
    }

    Remembered with(Attempt attempt, Instant now) {
      List<Attempt> all = new ArrayList<>(attempts);
      all.add(attempt);
      return new Remembered(
          all.subList(Math.max(0, all.size() - ATTEMPTS), all.size()), false, now);
    }
  }

  /** Reads the calls remembered before a restart, the most recent {@link #CAPACITY} of them. */
  @Override
  public synchronized void start() throws IOException {
    Files.createDirectories(directory);
    List<Map.Entry<String, Remembered>> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!FILE.matcher(name).matches()) {
          continue;
        }
        String key = name.substring(0, 64);
        Optional<Remembered> entry = read(file);
        if (entry.isPresent() && !expired(entry.get())) {
          found.add(Map.entry(key, entry.get()));
        } else {
          delete(key);
        }
      }
    }
    found.sort(Comparator.comparing(entry -> entry.getValue().at()));
    found.forEach(entry -> remembered.put(entry.getKey(), entry.getValue()));
  }

  @Override
  public void stop() {}

  @Override
  public Submitted submit(String fabricUser, LedgerCall call, Ordering ordering) {
    String key = key(fabricUser, call);
    Optional<Submitted> earlier = committed(fabricUser, key);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      Submitted submitted =
          ledger.submit(
              fabricUser,
              call,
              (transactionId, result) -> {
                attempted(key, new Attempt(transactionId, result));
                ordering.ordering(transactionId, result);
              });
      remember(key, new Remembered(List.of(attempt(submitted)), true, now()));
      return submitted;
    } catch (OutcomeUnknown unknown) {
      // A ledger that reports no attempt before ordering still names the one it lost.
      unknown
          .result()
          .filter(result -> !knows(key, unknown.transactionId()))
          .ifPresent(result -> attempted(key, new Attempt(unknown.transactionId(), result)));
      throw unknown;
    } catch (LedgerRejection rejection) {
      // Refused, perhaps because an earlier attempt has committed meanwhile.
      return committed(fabricUser, key).orElseThrow(() -> rejection);
    }
  }

  private static Attempt attempt(Submitted submitted) {
    return new Attempt(submitted.transactionId(), submitted.result());
  }

  /**
   * The result of the call's earlier attempt that committed valid, if one did; forgets those that
   * were invalidated.
   */
  private Optional<Submitted> committed(String fabricUser, String key) {
    Optional<Remembered> earlier = recall(key);
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    List<Attempt> attempts = earlier.get().attempts();
    if (earlier.get().committed()) {
      Attempt last = attempts.get(attempts.size() - 1);
      return Optional.of(new Submitted(last.transactionId(), last.result()));
    }
    List<Attempt> pending = new ArrayList<>();
    for (Attempt attempt : attempts) {
      TransactionStatus status = ledger.transactionStatus(fabricUser, attempt.transactionId());
      switch (status.state()) {
        case VALID -> {
          remember(key, new Remembered(List.of(attempt), true, now()));
          return Optional.of(new Submitted(attempt.transactionId(), attempt.result()));
        }
        case INVALID -> {
          // It can never commit.
        }
        case UNKNOWN -> pending.add(attempt); // Still pending or never ordered.
      }
    }
    if (pending.isEmpty()) {
      forget(key);
    } else if (pending.size() < attempts.size()) {
      replace(key, earlier.get(), new Remembered(pending, false, earlier.get().at()));
    }
    return Optional.empty();
  }

  private synchronized Optional<Remembered> recall(String key) {
    Remembered entry = remembered.get(key);
    if (entry != null && expired(entry)) {
      forget(key);
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  private synchronized boolean knows(String key, String transactionId) {
    Remembered entry = remembered.get(key);
    return entry != null
        && entry.attempts().stream().anyMatch(a -> a.transactionId().equals(transactionId));
  }

  /** Adds an attempt about to be ordered, on disk before it can commit. */
  private synchronized void attempted(String key, Attempt attempt) {
    Remembered entry = remembered.get(key);
    Remembered updated =
        entry == null || entry.committed() || expired(entry)
            ? new Remembered(List.of(attempt), false, now())
            : entry.with(attempt, now());
    remembered.put(key, updated);
    write(key, updated);
  }

  /** A committed result: kept in memory; its file still names the attempt, valid on the ledger. */
  private synchronized void remember(String key, Remembered entry) {
    remembered.put(key, entry);
  }

  private synchronized void replace(String key, Remembered old, Remembered entry) {
    if (remembered.get(key) == old) {
      remembered.put(key, entry);
      write(key, entry);
    }
  }

  private synchronized void forget(String key) {
    remembered.remove(key);
    delete(key);
  }

  private boolean expired(Remembered entry) {
    return entry.at().plus(KEEP).isBefore(now());
  }

  private Instant now() {
    return clock.instant();
  }

  private Path file(String key) {
    return directory.resolve(key + ".json");
  }

  private void write(String key, Remembered entry) {
    Path file = file(key);
    try {
      Path written = Files.createTempFile(directory, key, ".tmp", ownerOnly());
      try {
        FILES.writeValue(written.toFile(), entry);
        move(written, file);
      } finally {
        Files.deleteIfExists(written);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static Optional<Remembered> read(Path file) {
    try {
      return Optional.of(FILES.readValue(file.toFile(), Remembered.class));
    } catch (IOException e) {
      // Cut short by a crash while written, or not ours: it names no attempt to rely on.
      // Its content stays out of the log: it may hold a transaction's result.
      LOG.warn("ignoring the unreadable submission record {} ({})", file, e.getClass().getName());
      return Optional.empty();
    }
  }

  private void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      LOG.warn("cannot delete the submission record {}: {}", file(key), e.getMessage());
    }
  }

  /** A digest of who submits what: private data only through its own digest. */
  static String key(String fabricUser, LedgerCall call) {
    MessageDigest digest = sha256();
    field(digest, fabricUser.getBytes(StandardCharsets.UTF_8));
    field(digest, call.qualifiedName().getBytes(StandardCharsets.UTF_8));
    field(digest, Boolean.toString(call.ownOrganizationOnly()).getBytes(StandardCharsets.UTF_8));
    field(digest, Integer.toString(call.arguments().size()).getBytes(StandardCharsets.UTF_8));
    call.arguments().forEach(argument -> field(digest, argument.getBytes(StandardCharsets.UTF_8)));
    new TreeMap<>(call.transientData())
        .forEach(
            (name, value) -> {
              field(digest, name.getBytes(StandardCharsets.UTF_8));
              field(digest, sha256().digest(value));
            });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, byte[] value) {
    digest.update(
        new byte[] {
          (byte) (value.length >>> 24),
          (byte) (value.length >>> 16),
          (byte) (value.length >>> 8),
          (byte) value.length
        });
    digest.update(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String mspId() {
    return ledger.mspId();
  }

  @Override
  public byte[] evaluate(String fabricUser, LedgerCall call) {
    return ledger.evaluate(fabricUser, call);
  }

  @Override
  public EventStream events(String fabricUser, Optional<EventPosition> after) {
    return ledger.events(fabricUser, after);
  }

  @Override
  public TransactionStatus transactionStatus(String fabricUser, String transactionId) {
    return ledger.transactionStatus(fabricUser, transactionId);
  }

  @Override
  public boolean reachable() {
    return ledger.reachable();
  }
}
