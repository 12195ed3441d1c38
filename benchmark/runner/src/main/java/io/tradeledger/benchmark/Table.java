package io.tradeledger.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a person reads them: one row per cell, then the ratios the issue asks for. */
final class Table {
  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-5s %-7s %-8s %8s %10s %10s %9s %9s %9s %7s",
          "round",
          "work",
          "route",
          "inflight",
          "req/s",
          "events/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "errors");

  private Table() {}

  static String row(CellResult cell) {
    String row =
        String.format(
            Locale.ROOT,
            "%-5d %-7s %-8s %8d %10.1f %10s %9.1f %9.1f %9.1f %7d",
            cell.round(),
            cell.workload(),
            cell.route(),
            cell.concurrency(),
            cell.throughput(),
            cell.eventsPerSecond() > 0
                ? String.format(Locale.ROOT, "%.1f", cell.eventsPerSecond())
                : "",
            cell.p50Ms(),
            cell.p95Ms(),
            cell.p99Ms(),
            cell.errors());
    if (cell.errors() > 0) {
      row += "  " + cell.errorSamples().keySet().iterator().next();
    }
    return row;
  }

  /** The CPU per request of each kind of process, for each cell of the first round. */
  static void printCpu(List<CellResult> cells, PrintStream out) {
    out.println();
    out.println("CPU per request in ms, by process (first round; runner = the clients):");
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-7s %-8s %8s", "work", "route", "inflight"));
    NodeCpu.KINDS.forEach(kind -> header.append(String.format(Locale.ROOT, " %9s", kind)));
    out.println(header);
    for (CellResult cell : cells) {
      if (cell.round() != 1) {
        continue;
      }
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "%-7s %-8s %8d", cell.workload(), cell.route(), cell.concurrency()));
      NodeCpu.KINDS.forEach(
          kind -> row.append(String.format(Locale.ROOT, " %9s", cell.cpuMs(kind))));
      out.println(row);
    }
  }

  static void printSummary(Summary summary, PrintStream out) {
    out.println();
    out.println("medians over the rounds of the ratio within each round:");
    line(out, "reads, ours / floor (throughput)", summary.readToFloor());
    line(out, "creates, ours / floor (throughput)", summary.createToFloor());
    out.printf(
        Locale.ROOT,
        "  %-44s %s%n",
        "commit latency at 1 in flight, ours / floor",
        summary.commitLatencyToFloorAtOne() == null
            ? "-"
            : String.format(Locale.ROOT, "%.2f (p50)", summary.commitLatencyToFloorAtOne()));
    summary
        .apiToGateway()
        .forEach(
            (workload, ratios) -> line(out, workload + ", API / raw Gateway (throughput)", ratios));
    line(out, "read p99, API / raw Gateway", summary.readP99ApiToGateway());
    summary
        .batchedToSingleEvents()
        .forEach(
            (route, ratios) ->
                line(out, "events/s, batches of 100 / single (" + route + ")", ratios));
    out.println("where submit throughput stops rising (next concurrency < +10%):");
    summary
        .submitKnee()
        .forEach(
            (name, knee) ->
                out.printf(
                    Locale.ROOT,
                    "  %-44s %d in flight: %.1f req/s, p99 %.0f ms%s%n",
                    name,
                    knee.concurrency(),
                    knee.throughput(),
                    knee.p99Ms(),
                    knee.stillRising() ? " (still rising at the highest measured)" : ""));
  }

  private static void line(PrintStream out, String name, Map<Integer, Double> ratios) {
    StringBuilder values = new StringBuilder();
    ratios.forEach(
        (concurrency, ratio) ->
            values.append(String.format(Locale.ROOT, "%4d: %.2f  ", concurrency, ratio)));
    out.printf(Locale.ROOT, "  %-44s %s%n", name, values.toString().strip());
  }
}
