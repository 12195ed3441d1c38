package io.tradeledger.api;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.LedgerPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real application with the fake ledger behind its port. */
public final class TestApplication extends TradeLedgerApplication {
  static final FakeLedgerPort LEDGER = new FakeLedgerPort();

  @Override
  protected LedgerPort ledger(TradeLedgerConfiguration configuration, Environment environment) {
    return LEDGER;
  }

  /** A fresh directory for a test application's event checkpoints. */
  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("trade-ledger-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConfigOverride checkpointsIn(Path directory) {
    return ConfigOverride.config("events.checkpointDirectory", directory.toString());
  }
}
