package io.tradeledger.chaincode.throughput;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.chaincode.contract.DocumentContract;
import io.tradeledger.chaincode.contract.OrderContract;
import io.tradeledger.chaincode.contract.ShipmentContract;
import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A timed loop over the contract on the unit tests' {@link FakeLedger}: operations per CPU second
 * of reads and creates, each beside a floor that does only what Fabric itself must (one read of one
 * key, one write of one new key of an order's size) through the same fake ledger and the shim's
 * {@code Context}. It measures the contract's own CPU cost, not a network's: no peer, no gRPC, no
 * endorsement. Not a test (speed is measured, never asserted); run it with
 *
 * <pre>
 * mvn -B -o -pl chaincode test-compile exec:exec@throughput [-Dthroughput.args="2 3"]
 * </pre>
 *
 * <p>Arguments: seconds per workload slice (default 2), measured rounds after a warm-up of every
 * workload (default 3) and optionally a part of the workloads' names to run only those. Each round
 * runs the floor for half a slice, the workload for a slice and the floor again, so that load from
 * other processes on a shared machine falls on both alike. Prints per workload the median, lowest
 * and highest ops/s of the rounds and the median of its ratios to the floor beside it, then the
 * same for that floor.
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

  private Workload readFloor() {
    return new Workload(
        "floor: read one key",
        i ->
            ledger.evaluate(
                Consortium.IMPORTER, c -> new String(c.getStub().getState(orderKey), UTF_8)));
  }

  private Workload writeFloor() {
    return new Workload(
        "floor: write one new key",
        i ->
            ledger.submit(
                Consortium.IMPORTER,
                c -> {
                  c.getStub().putState("floor-" + i, orderBytes);
                  return "";
                }));
  }

  /** Each workload with the floor it is compared with. */
  private List<Workload[]> workloads() {
    Workload read = readFloor();
    Workload write = writeFloor();
    return List.of(
        new Workload[] {
          new Workload(
              "GetOrder (PROPOSED)",
              i -> ledger.evaluate(Consortium.IMPORTER, c -> orders.getOrder(c, "o-proposed"))),
          read
        },
        new Workload[] {
          new Workload(
              "GetOrder (IN_TRANSIT, 1 shipment)",
              i -> ledger.evaluate(Consortium.IMPORTER, c -> orders.getOrder(c, "o-1"))),
          read
        },
        new Workload[] {
          new Workload(
              "GetOrder by the carrier",
              i -> ledger.evaluate(Consortium.CARRIER, c -> orders.getOrder(c, "o-1"))),
          read
        },
        new Workload[] {
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
          write
        },
        new Workload[] {
          new Workload(
              "ProposeOrder",
              i ->
                  ledger.submit(
                      Consortium.IMPORTER,
                      c -> orders.proposeOrder(c, TradeFixtures.proposal("n-" + i)))),
          write
        });
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String only = args.length > 2 ? args[2] : "";
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "%-36s %10s %10s %10s %9s  (per CPU second; %s s slices, %d rounds after warm-up)%n",
        "workload",
        "median",
        "min",
        "max",
        "÷ floor",
        seconds,
        rounds);
    ContractThroughput bench = new ContractThroughput();
    // Every workload once before any is measured, so the JIT has seen them all.
    for (Workload[] pair : bench.workloads()) {
      bench.rate(pair[0], seconds);
      bench.rate(pair[1], seconds / 2);
    }
    for (Workload[] pair : bench.workloads()) {
      if (!pair[0].name().contains(only)) {
        continue;
      }
      List<Double> rates = new ArrayList<>();
      List<Double> floorRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        // The floor and the workload alternate, so load from elsewhere hits both alike.
        double floor = bench.rate(pair[1], seconds / 2);
        double rate = bench.rate(pair[0], seconds);
        double floorAfter = bench.rate(pair[1], seconds / 2);
        rates.add(rate);
        floorRates.add((floor + floorAfter) / 2);
        ratios.add(rate / ((floor + floorAfter) / 2));
      }
      out.printf(
          Locale.ROOT,
          "%-36s %10.0f %10.0f %10.0f %9.3f%n",
          pair[0].name(),
          median(rates),
          rates.stream().min(Double::compare).orElseThrow(),
          rates.stream().max(Double::compare).orElseThrow(),
          median(ratios));
      out.printf(
          Locale.ROOT,
          "  %-34s %10.0f %10.0f %10.0f%n",
          pair[1].name(),
          median(floorRates),
          floorRates.stream().min(Double::compare).orElseThrow(),
          floorRates.stream().max(Double::compare).orElseThrow());
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private int sequence;

  /**
   * Operations per second of a workload run for {@code seconds}, counting only the time this thread
   * was on a CPU: on a machine shared with other work, wall-clock rates swing with the load (5x
   * between slices was seen at a load average of 25 on 2 cores), CPU time per operation does not.
   */
  private double rate(Workload workload, double seconds) {
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int operations = 0;
    while (System.nanoTime() < end) {
      ledger.setClock(NOW);
      workload.operation().accept(sequence++);
      operations++;
      if (operations % 1000 == 0) {
        ledger.forgetTransactions();
      }
    }
    ledger.forgetTransactions();
    return operations / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
