package io.tradeledger.api;

import io.dropwizard.core.setup.Environment;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.LedgerPort;

/** The real application with the fake ledger behind its port. */
public final class TestApplication extends TradeLedgerApplication {
  static final FakeLedgerPort LEDGER = new FakeLedgerPort();

  @Override
  protected LedgerPort ledger(TradeLedgerConfiguration configuration, Environment environment) {
    return LEDGER;
  }
}
