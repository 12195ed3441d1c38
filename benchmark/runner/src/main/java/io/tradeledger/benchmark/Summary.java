package io.tradeledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What the issue asks of a run, from its cells. Every ratio is the median over the rounds of the
 * ratio within each round (ours and the floor, or the API and the Gateway, ran back to back in it),
 * since this machine's noise is 15-20% from run to run.
 *
 * @param readToFloor our read throughput over the floor's, by requests in flight
 * @param createToFloor our create throughput over the floor's write throughput
 * @param commitLatencyToFloorAtOne our create p50 over the floor's write p50, one in flight
 * @param apiToGateway API throughput over raw Gateway throughput, by workload and in flight
 * @param readP99ApiToGateway API read p99 over raw Gateway read p99
 * @param batchedToSingleEvents events per second in batches of 100 over one per transaction, by
 *     client and in flight
 * @param submitKnee where submit throughput stops rising, by workload and route
 */
record Summary(
    Map<Integer, Double> readToFloor,
    Map<Integer, Double> createToFloor,
    Double commitLatencyToFloorAtOne,
    Map<String, Map<Integer, Double>> apiToGateway,
    Map<Integer, Double> readP99ApiToGateway,
    Map<String, Map<Integer, Double>> batchedToSingleEvents,
    Map<String, Knee> submitKnee) {

  /**
   * The first concurrency whose next one adds less than {@value #RISE} of throughput, with its
   * median throughput and p99; or the highest measured, with {@code stillRising}, when throughput
   * rose at every step.
   */
  record Knee(int concurrency, double throughput, double p99Ms, boolean stillRising) {}

  /** Throughput still rising: the next concurrency gives at least 10% more. */
  static final double RISE = 0.10;

  static Summary of(List<CellResult> cells, List<Integer> concurrencies, int rounds) {
    Map<Integer, Double> readToFloor = new TreeMap<>();
    Map<Integer, Double> createToFloor = new TreeMap<>();
    Map<Integer, Double> readP99 = new TreeMap<>();
    Map<String, Map<Integer, Double>> apiToGateway = new TreeMap<>();
    Map<String, Map<Integer, Double>> batched = new TreeMap<>();
    for (int concurrency : concurrencies) {
      put(
          readToFloor,
          concurrency,
          ratio(cells, rounds, "read", "gateway", "floor", concurrency, CellResult::throughput));
      put(
          createToFloor,
          concurrency,
          ratio(cells, rounds, "create", "gateway", "floor", concurrency, CellResult::throughput));
      put(
          readP99,
          concurrency,
          ratio(cells, rounds, "read", "api", "gateway", concurrency, CellResult::p99Ms));
      for (Workload workload : Workload.values()) {
        OptionalDouble value =
            ratio(
                cells,
                rounds,
                workload.label(),
                "api",
                "gateway",
                concurrency,
                CellResult::throughput);
        if (value.isPresent()) {
          apiToGateway
              .computeIfAbsent(workload.label(), k -> new TreeMap<>())
              .put(concurrency, value.getAsDouble());
        }
      }
      for (String route : List.of("gateway", "api")) {
        OptionalDouble value =
            median(
                rounds,
                round ->
                    divide(
                        find(cells, round, "batch", route, concurrency),
                        find(cells, round, "event", route, concurrency),
                        CellResult::eventsPerSecond));
        if (value.isPresent()) {
          batched
              .computeIfAbsent(route, k -> new TreeMap<>())
              .put(concurrency, value.getAsDouble());
        }
      }
    }
    OptionalDouble commit =
        ratio(cells, rounds, "create", "gateway", "floor", 1, CellResult::p50Ms);
    Map<String, Knee> knees = new TreeMap<>();
    for (Workload workload : Workload.values()) {
      if (!workload.submits()) {
        continue;
      }
      for (Route route : Route.values()) {
        Knee knee = knee(cells, workload.label(), route.label(), concurrencies);
        if (knee != null) {
          knees.put(workload.label() + "/" + route.label(), knee);
        }
      }
    }
    return new Summary(
        readToFloor,
        createToFloor,
        commit.isPresent() ? commit.getAsDouble() : null,
        apiToGateway,
        readP99,
        batched,
        knees);
  }

  private static void put(Map<Integer, Double> map, int concurrency, OptionalDouble value) {
    value.ifPresent(v -> map.put(concurrency, v));
  }

  private static OptionalDouble ratio(
      List<CellResult> cells,
      int rounds,
      String workload,
      String numerator,
      String denominator,
      int concurrency,
      ToDoubleFunction<CellResult> metric) {
    return median(
        rounds,
        round ->
            divide(
                find(cells, round, workload, numerator, concurrency),
                find(cells, round, workload, denominator, concurrency),
                metric));
  }

  private static OptionalDouble divide(
      CellResult numerator, CellResult denominator, ToDoubleFunction<CellResult> metric) {
    if (numerator == null || denominator == null || metric.applyAsDouble(denominator) == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(metric.applyAsDouble(numerator) / metric.applyAsDouble(denominator));
  }

  private interface PerRound {
    OptionalDouble value(int round);
  }

  private static OptionalDouble median(int rounds, PerRound perRound) {
    List<Double> values = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      perRound.value(round).ifPresent(values::add);
    }
    return median(values);
  }

  static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return OptionalDouble.of(CellResult.round2(median * 100) / 100);
  }

  private static CellResult find(
      List<CellResult> cells, int round, String workload, String route, int concurrency) {
    return cells.stream()
        .filter(
            cell ->
                cell.round() == round
                    && cell.workload().equals(workload)
                    && cell.route().equals(route)
                    && cell.concurrency() == concurrency)
        .findFirst()
        .orElse(null);
  }

  private static Knee knee(
      List<CellResult> cells, String workload, String route, List<Integer> concurrencies) {
    List<Integer> measured = new ArrayList<>();
    List<Double> throughputs = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    for (int concurrency : concurrencies.stream().sorted().toList()) {
      List<CellResult> found =
          cells.stream()
              .filter(
                  cell ->
                      cell.workload().equals(workload)
                          && cell.route().equals(route)
                          && cell.concurrency() == concurrency)
              .toList();
      if (found.isEmpty()) {
        continue;
      }
      measured.add(concurrency);
      throughputs.add(median(found.stream().map(CellResult::throughput).toList()).orElse(0));
      p99s.add(median(found.stream().map(CellResult::p99Ms).toList()).orElse(0));
    }
    if (measured.isEmpty()) {
      return null;
    }
    for (int i = 0; i + 1 < measured.size(); i++) {
      if (throughputs.get(i + 1) < throughputs.get(i) * (1 + RISE)) {
        return new Knee(measured.get(i), throughputs.get(i), p99s.get(i), false);
      }
    }
    int last = measured.size() - 1;
    return new Knee(measured.get(last), throughputs.get(last), p99s.get(last), true);
  }
}
