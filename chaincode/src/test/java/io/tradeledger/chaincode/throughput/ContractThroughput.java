package io.tradeledger.chaincode.throughput;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.chaincode.contract.DocumentContract;
import io.tradeledger.chaincode.contract.OrderContract;
import io.tradeledger.chaincode.contract.ShipmentContract;
import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A timed loop over the contract on the unit tests' {@link FakeLedger}: operations per second of
 * reads and creates, each beside a floor that does only what Fabric itself must (one read of one
 * key, one write of one new key of an order's size) through the same fake ledger and the shim's
 * {@code Context}. It measures the contract's own CPU cost, not a network's: no peer, no gRPC, no
 * endorsement. Not a test (speed is measured, never asserted); run it with
 *
 * <pre>
 * mvn -B -o -pl chaincode test-compile exec:exec@throughput [-Dthroughput.args="2 3"]
 * </pre>
 *
 * <p>Arguments: seconds per round (default 2), measured rounds after one warm-up round (default 3)
 * and optionally a part of the workloads' names to run only those. Prints one line per workload:
 * the median, lowest and highest ops/s of the rounds.
 */
public final class ContractThroughput {
  /** Every transaction runs at this time, so date rules hold however many run. */
  private static final Instant NOW = Instant.parse("2026-04-10T00:00:00Z");

  private final FakeLedger ledger = Consortium.foundedLedger();
  private final OrderContract orders = new OrderContract();
  private final DocumentContract documents = new DocumentContract();
  private final String orderKey;
  private final byte[] orderBytes;

  private record Workload(String name, IntConsumer operation) {}

  private ContractThroughput() {
    TradeFixtures.propose(ledger, "o-proposed");
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
    ShipmentContract shipments = new ShipmentContract();
    ledger.advanceClockTo(TradeFixtures.EVENTS_HAPPENED);
    String departed =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s]}"
            .formatted(
                TradeFixtures.event(1, "s-1", "EQUIPMENT", "LOADED"),
                TradeFixtures.event(2, "s-1", "TRANSPORT", "DEPARTED"));
    ledger.submit(Consortium.CARRIER, c -> shipments.recordShipmentEvents(c, departed));
    orderKey =
        ledger.evaluate(
            Consortium.IMPORTER, c -> c.getStub().createCompositeKey("order", "o-1").toString());
    orderBytes = ledger.evaluate(Consortium.IMPORTER, c -> c.getStub().getState(orderKey));
    String status =
        ledger.evaluate(Consortium.IMPORTER, c -> orders.getOrder(c, "o-1")).contains("IN_TRANSIT")
            ? "IN_TRANSIT"
            : "unexpected";
    if (!status.equals("IN_TRANSIT")) {
      throw new IllegalStateException("the read workload's order is not IN_TRANSIT");
    }
  }

  private List<Workload> workloads() {
    return List.of(
        new Workload(
            "floor: read one key",
            i ->
                ledger.evaluate(
                    Consortium.IMPORTER, c -> new String(c.getStub().getState(orderKey), UTF_8))),
        new Workload(
            "GetOrder (PROPOSED)",
            i -> ledger.evaluate(Consortium.IMPORTER, c -> orders.getOrder(c, "o-proposed"))),
        new Workload(
            "GetOrder (IN_TRANSIT, 1 shipment)",
            i -> ledger.evaluate(Consortium.IMPORTER, c -> orders.getOrder(c, "o-1"))),
        new Workload(
            "GetOrder by the carrier",
            i -> ledger.evaluate(Consortium.CARRIER, c -> orders.getOrder(c, "o-1"))),
        new Workload(
            "floor: write one new key",
            i ->
                ledger.submit(
                    Consortium.IMPORTER,
                    c -> {
                      c.getStub().putState("floor-" + i, orderBytes);
                      return "";
                    })),
        new Workload(
            "AnchorDocument",
            i ->
                ledger.submit(
                    Consortium.IMPORTER,
                    c ->
                        documents.anchorDocument(
                            c,
                            "{\"documentId\":\"d-%d\",\"documentType\":\"OTHER\",\"sha256\":\"%064x\",\"orderId\":\"o-1\"}"
                                .formatted(i, i)))),
        new Workload(
            "ProposeOrder",
            i ->
                ledger.submit(
                    Consortium.IMPORTER,
                    c -> orders.proposeOrder(c, TradeFixtures.proposal("n-" + i)))));
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String only = args.length > 2 ? args[2] : "";
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "%-36s %10s %10s %10s  (%s s rounds, %d measured after 1 warm-up)%n",
        "workload",
        "median/s",
        "min/s",
        "max/s",
        seconds,
        rounds);
    ContractThroughput bench = new ContractThroughput();
    int[] sequence = {0};
    for (Workload workload : bench.workloads()) {
      if (!workload.name().contains(only)) {
        continue;
      }
      List<Double> rates = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int operations = 0;
        while (System.nanoTime() < end) {
          bench.ledger.setClock(NOW);
          workload.operation().accept(sequence[0]++);
          operations++;
          if (operations % 1000 == 0) {
            bench.ledger.forgetTransactions();
          }
        }
        double rate = operations / ((System.nanoTime() - start) / 1e9);
        if (round > 0) {
          rates.add(rate);
        }
      }
      List<Double> sorted = rates.stream().sorted().toList();
      out.printf(
          Locale.ROOT,
          "%-36s %10.0f %10.0f %10.0f%n",
          workload.name(),
          sorted.get(sorted.size() / 2),
          sorted.get(0),
          sorted.get(sorted.size() - 1));
    }
  }
}
