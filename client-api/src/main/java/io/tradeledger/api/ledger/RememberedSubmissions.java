package io.tradeledger.api.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes a repeated submission converge on the first: the same Fabric user submitting the same call
 * (transaction, arguments, transient data) again within {@link #KEEP} gets the first attempt's
 * committed result and transaction id, not a second transaction that the contract would refuse as a
 * repeated state change (409). A first attempt whose outcome was unknown is looked up on the
 * ledger: committed and valid, its result is the answer; invalid, the call is submitted anew; still
 * unknown, it is submitted anew too (at most one of them can commit: the second reads what the
 * first writes, so Fabric invalidates it), and a refusal of that new attempt is checked against the
 * first once more.
 *
 * <p>Kept in memory, by a digest of the call (private data included only as a digest), for the most
 * recent {@link #CAPACITY} calls; a restarted service relies on the contract's own idempotency (the
 * same create returns the existing record).
 */
public final class RememberedSubmissions implements LedgerPort {
  static final Duration KEEP = Duration.ofMinutes(15);
  static final int CAPACITY = 1_000;

  private final LedgerPort ledger;
  private final Clock clock;
  private final Map<String, Remembered> remembered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > CAPACITY;
        }
      };

  public RememberedSubmissions(LedgerPort ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  private record Remembered(String transactionId, byte[] result, boolean committed, Instant at) {}

  @Override
  public Submitted submit(String fabricUser, LedgerCall call) {
    String key = key(fabricUser, call);
    Optional<Remembered> earlier = recall(key);
    if (earlier.isPresent()) {
      Optional<Submitted> committed = committed(fabricUser, key, earlier.get());
      if (committed.isPresent()) {
        return committed.get();
      }
    }
    try {
      Submitted submitted = ledger.submit(fabricUser, call);
      remember(key, new Remembered(submitted.transactionId(), submitted.result(), true, now()));
      return submitted;
    } catch (OutcomeUnknown unknown) {
      if (unknown.result().isPresent() && recall(key).isEmpty()) {
        remember(
            key, new Remembered(unknown.transactionId(), unknown.result().get(), false, now()));
      }
      throw unknown;
    } catch (LedgerRejection rejection) {
      Optional<Remembered> pending = recall(key);
      if (pending.isPresent()) {
        // Refused, perhaps because the earlier attempt has committed meanwhile.
        Optional<Submitted> committed = committed(fabricUser, key, pending.get());
        if (committed.isPresent()) {
          return committed.get();
        }
      }
      throw rejection;
    }
  }

  /** The earlier attempt's result if it committed valid; forgets it if it was invalidated. */
  private Optional<Submitted> committed(String fabricUser, String key, Remembered earlier) {
    if (earlier.committed()) {
      return Optional.of(new Submitted(earlier.transactionId(), earlier.result()));
    }
    TransactionStatus status = ledger.transactionStatus(fabricUser, earlier.transactionId());
    switch (status.state()) {
      case VALID -> {
        remember(key, new Remembered(earlier.transactionId(), earlier.result(), true, now()));
        return Optional.of(new Submitted(earlier.transactionId(), earlier.result()));
      }
      case INVALID -> forget(key);
      case UNKNOWN -> {
        // Still pending or never ordered: the new attempt decides.
      }
    }
    return Optional.empty();
  }

  private synchronized Optional<Remembered> recall(String key) {
    Remembered entry = remembered.get(key);
    if (entry != null && entry.at().plus(KEEP).isBefore(now())) {
      remembered.remove(key);
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  private synchronized void remember(String key, Remembered entry) {
    remembered.put(key, entry);
  }

  private synchronized void forget(String key) {
    remembered.remove(key);
  }

  private Instant now() {
    return clock.instant();
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
