package io.tradeledger.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark on the live network (benchmark/README.md): reads, creates, single and batched
 * shipment events, through the raw Fabric Gateway and through client-api, beside the floor
 * contract, at each number of requests in flight. Prints a table and writes {@code results.json}
 * and {@code results.csv}. {@code benchmark/run.sh} brings the network up and deploys the floor
 * first.
 */
public final class BenchmarkMain {
  private static final List<Route> READ_AND_CREATE_ROUTES =
      List.of(Route.GATEWAY, Route.FLOOR, Route.API);
  private static final List<Route> EVENT_ROUTES = List.of(Route.GATEWAY, Route.API);
  private static final int JIT_WARM_UP_CONCURRENCY = 8;

  private BenchmarkMain() {}

  public static void main(String[] arguments) throws Exception {
    String data = System.getenv().getOrDefault("TRADE_LEDGER_DATA", "network/data");
    Path results;
    try {
      results = run(List.of(arguments), Path.of(data), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("results: " + results);
    System.exit(0);
  }

  /**
   * Runs the benchmark with command-line {@code arguments} on the network in {@code data} (unless
   * {@code --data} says otherwise), printing progress and the table to {@code out}.
   *
   * @return the results.json written
   */
  public static Path run(List<String> arguments, Path data, PrintStream out) throws Exception {
    Options options =
        Options.parse(arguments.toArray(String[]::new), data, Path.of("benchmark/target/results"));
    Instant started = Instant.now();
    String loadBefore = loadAverage();
    Network network = Network.read(options.data());
    NodeCpu cpu = new NodeCpu(options.data());
    List<CellResult> cells = new ArrayList<>();
    try (GatewayClient gateway = new GatewayClient(network)) {
      ApiClient api = new ApiClient(network);
      String nonce = Long.toString(System.currentTimeMillis(), 36);
      Fixtures fixtures = new Fixtures(network, gateway, api, nonce);
      out.printf(
          Locale.ROOT, "setting up orders, a document and the floor's key (run %s)%n", nonce);
      Workloads workloads = Workloads.prepare(gateway, api, fixtures);
      Map<String, List<String>> shipments = shipments(options, fixtures, out);
      warmUpJit(options, workloads, out);
      out.println(Table.HEADER);
      for (int round = 1; round <= options.rounds(); round++) {
        for (int concurrency : options.concurrencies()) {
          for (Workload workload : List.of(Workload.READ, Workload.CREATE)) {
            if (!options.workloads().contains(workload)) {
              continue;
            }
            for (Route route : READ_AND_CREATE_ROUTES) {
              cells.add(
                  cell(
                      options,
                      workloads,
                      round,
                      workload,
                      route,
                      concurrency,
                      List.of(),
                      cpu,
                      out));
            }
          }
        }
      }
      // Events run once: each cell's workers append to shipments of their own.
      for (int concurrency : eventConcurrencies(options)) {
        for (Workload workload : List.of(Workload.EVENT, Workload.BATCH)) {
          if (!options.workloads().contains(workload)
              || !concurrencies(options, workload).contains(concurrency)) {
            continue;
          }
          for (Route route : EVENT_ROUTES) {
            List<String> own = shipments.get(shipmentKey(workload, route, concurrency));
            cells.add(cell(options, workloads, 1, workload, route, concurrency, own, cpu, out));
          }
        }
      }
    }
    Summary summary = Summary.of(cells, options.concurrencies(), options.rounds());
    Table.printCpu(cells, out);
    Table.printSummary(summary, out);
    return write(options, started, loadBefore, cells, summary);
  }

  /**
   * Runs the read and create workloads on every route for {@code --jit-warmup} each, at {@value
   * #JIT_WARM_UP_CONCURRENCY} in flight, and forgets what they measured: a freshly started API's
   * JIT compiler takes minutes of CPU on two cores (benchmark/README.md), which would otherwise
   * fall into the first cells of the API, and of the runner's own routes.
   */
  private static void warmUpJit(Options options, Workloads workloads, PrintStream out)
      throws InterruptedException {
    if (options.jitWarmUp().isZero()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "warming up: read and create on every route, %d s each (not counted)%n",
        options.jitWarmUp().toSeconds());
    for (Workload workload : List.of(Workload.READ, Workload.CREATE)) {
      if (options.workloads().contains(workload)) {
        for (Route route : READ_AND_CREATE_ROUTES) {
          ClosedLoop.run(
              workloads.request(workload, route, List.of()),
              JIT_WARM_UP_CONCURRENCY,
              Duration.ZERO,
              options.jitWarmUp(),
              Map::of);
        }
      }
    }
  }

  private static CellResult cell(
      Options options,
      Workloads workloads,
      int round,
      Workload workload,
      Route route,
      int concurrency,
      List<String> shipments,
      NodeCpu cpu,
      PrintStream out)
      throws InterruptedException {
    ClosedLoop.Measurement measurement =
        ClosedLoop.run(
            workloads.request(workload, route, shipments),
            concurrency,
            options.warmUp(),
            options.duration(),
            cpu::sample);
    CellResult result = CellResult.of(round, workload, route, measurement);
    out.println(Table.row(result));
    return result;
  }

  /**
   * The confirmed shipments the events cells append to, one per worker: single events share them
   * between the Gateway's cell and the API's (a few events each), batches get their own per route
   * (each batch adds 100 events, and every recording reads the shipment's events so far).
   */
  private static Map<String, List<String>> shipments(
      Options options, Fixtures fixtures, PrintStream out) throws Exception {
    Map<String, Integer> own = new LinkedHashMap<>();
    if (options.workloads().contains(Workload.EVENT)) {
      for (int concurrency : options.concurrencies()) {
        own.put(shipmentKey(Workload.EVENT, Route.GATEWAY, concurrency), concurrency);
      }
    }
    if (options.workloads().contains(Workload.BATCH)) {
      for (int concurrency : options.batchConcurrencies()) {
        for (Route route : EVENT_ROUTES) {
          own.put(shipmentKey(Workload.BATCH, route, concurrency), concurrency);
        }
      }
    }
    int total = own.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return Map.of();
    }
    out.printf(
        Locale.ROOT, "booking and confirming %d shipments for the events workloads%n", total);
    List<String> all = fixtures.confirmedShipments(total);
    Map<String, List<String>> shipments = new HashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> need : own.entrySet()) {
      shipments.put(need.getKey(), all.subList(next, next + need.getValue()));
      next += need.getValue();
    }
    for (int concurrency : options.concurrencies()) {
      List<String> single = shipments.get(shipmentKey(Workload.EVENT, Route.GATEWAY, concurrency));
      if (single != null) {
        shipments.put(shipmentKey(Workload.EVENT, Route.API, concurrency), single);
      }
    }
    return shipments;
  }

  private static List<Integer> concurrencies(Options options, Workload workload) {
    return workload == Workload.BATCH ? options.batchConcurrencies() : options.concurrencies();
  }

  /** Every concurrency of the events workloads, in ascending order. */
  private static List<Integer> eventConcurrencies(Options options) {
    return java.util.stream.Stream.concat(
            options.concurrencies().stream(), options.batchConcurrencies().stream())
        .distinct()
        .sorted()
        .toList();
  }

  private static String shipmentKey(Workload workload, Route route, int concurrency) {
    return workload.label() + "/" + route.label() + "/" + concurrency;
  }

  private static Path write(
      Options options, Instant started, String loadBefore, List<CellResult> cells, Summary summary)
      throws IOException {
    Files.createDirectories(options.output());
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("startedAt", started.toString());
    document.put("finishedAt", Instant.now().toString());
    ObjectNode machine = document.putObject("machine");
    machine.put("processors", Runtime.getRuntime().availableProcessors());
    machine.put("loadAverageBefore", loadBefore);
    machine.put("loadAverageAfter", loadAverage());
    ObjectNode settings = document.putObject("options");
    settings.set("concurrencies", Json.mapper().valueToTree(options.concurrencies()));
    settings.set("batchConcurrencies", Json.mapper().valueToTree(options.batchConcurrencies()));
    settings.put("jitWarmUpSeconds", options.jitWarmUp().toSeconds());
    settings.put("warmUpSeconds", options.warmUp().toSeconds());
    settings.put("durationSeconds", options.duration().toSeconds());
    settings.put("rounds", options.rounds());
    settings.set(
        "workloads",
        Json.mapper().valueToTree(options.workloads().stream().map(Workload::label).toList()));
    document.set("cells", Json.mapper().valueToTree(cells));
    document.set("summary", Json.mapper().valueToTree(summary));
    Path json = options.output().resolve("results.json");
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), document);
    List<String> lines = new ArrayList<>();
    lines.add(CellResult.CSV_HEADER);
    cells.forEach(cell -> lines.add(cell.csv()));
    Files.write(options.output().resolve("results.csv"), lines);
    return json;
  }

  /** The machine's load average (1, 5, 15 minutes), where Linux tells it. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
