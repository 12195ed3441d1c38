package io.tradeledger.api.ledger;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every evaluation and submission per transaction ({@code ledger.evaluate.orders:GetOrder},
 * {@code ledger.submit.orders:ProposeOrder}) and counts failures by code ({@code
 * ledger.failures.ORDER_NOT_FOUND}, {@code ledger.failures.PEER_UNAVAILABLE}), for the admin port's
 * /metrics.
 */
public final class MeteredLedger implements LedgerPort {
  private final LedgerPort ledger;
  private final MetricRegistry metrics;

  public MeteredLedger(LedgerPort ledger, MetricRegistry metrics) {
    this.ledger = ledger;
    this.metrics = metrics;
  }

  @Override
  public String mspId() {
    return ledger.mspId();
  }

  @Override
  public byte[] evaluate(String fabricUser, LedgerCall call) {
    return timed(
        "ledger.evaluate." + call.qualifiedName(), () -> ledger.evaluate(fabricUser, call));
  }

  @Override
  public Submitted submit(String fabricUser, LedgerCall call, Ordering ordering) {
    return timed(
        "ledger.submit." + call.qualifiedName(), () -> ledger.submit(fabricUser, call, ordering));
  }

  @Override
  public EventStream events(String fabricUser, Optional<EventPosition> after) {
    return ledger.events(fabricUser, after);
  }

  @Override
  public TransactionStatus transactionStatus(String fabricUser, String transactionId) {
    return timed("ledger.status", () -> ledger.transactionStatus(fabricUser, transactionId));
  }

  @Override
  public boolean reachable() {
    return ledger.reachable();
  }

  private <T> T timed(String name, Supplier<T> call) {
    Timer.Context timer = metrics.timer(name).time();
    try {
      return call.get();
    } catch (LedgerException e) {
      metrics.meter("ledger.failures." + e.code()).mark();
      throw e;
    } finally {
      timer.stop();
    }
  }
}
