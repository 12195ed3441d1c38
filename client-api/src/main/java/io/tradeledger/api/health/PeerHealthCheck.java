package io.tradeledger.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.tradeledger.api.ledger.LedgerPort;

/** Healthy while the organization's peer answers. */
public final class PeerHealthCheck extends HealthCheck {
  private final LedgerPort ledger;

  public PeerHealthCheck(LedgerPort ledger) {
    this.ledger = ledger;
  }

  @Override
  protected Result check() {
    return ledger.reachable()
        ? Result.healthy("peer of %s reachable", ledger.mspId())
        : Result.unhealthy("peer of %s unreachable", ledger.mspId());
  }
}
