package io.tradeledger.it;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Waits until every running peer has caught up with one organization's peer. The Gateway reports a
 * transaction committed once its own organization's peer has it; the next step is often another
 * organization's, endorsed on other peers that may not have the block yet and would simulate on the
 * old state (a payment confirmed before the payee's peer knows it was paid). Real clients see the
 * same and retry; the tests wait instead, so that each step sees the one before it.
 */
public final class CommitBarrier {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final Metrics metrics = new Metrics();
  private final Ports ports;

  public CommitBarrier(Ports ports) {
    this.ports = ports;
  }

  /**
   * Returns once every peer that answers on its operations port has the height that {@code
   * organization}'s peer has now. A peer that does not answer is stopped and serves no stale read.
   */
  public void awaitOthersReach(Organization organization) {
    OptionalLong reference = metrics.blockHeight(ports.peerOperations(organization));
    if (reference.isEmpty()) {
      return;
    }
    long height = reference.getAsLong();
    for (Organization other : Organization.values()) {
      int port = ports.peerOperations(other);
      Poll.until(
          other.peerNode() + " to reach height " + height,
          LIMIT,
          () -> metrics.blockHeight(port),
          (OptionalLong current) -> current.isEmpty() || current.getAsLong() >= height);
    }
  }
}
