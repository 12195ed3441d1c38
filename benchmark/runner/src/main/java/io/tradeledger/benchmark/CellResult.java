package io.tradeledger.benchmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cell of the results: a workload on a route at a number of requests in flight, in one round.
 * Latencies are from sending a request to its answer (for a submit: until it committed on the
 * organization's peer), in milliseconds; throughput counts the requests answered without error.
 * {@code cpuMsPerRequest} is the CPU each kind of process used in the counted window, per request
 * answered in it ({@link NodeCpu}).
 */
record CellResult(
    int round,
    String workload,
    String route,
    String contract,
    String client,
    int concurrency,
    double seconds,
    long requests,
    long errors,
    double throughput,
    double eventsPerSecond,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double meanMs,
    Map<String, Long> errorSamples,
    Map<String, Double> cpuMsPerRequest) {

  CellResult {
    errorSamples = Map.copyOf(errorSamples);
    cpuMsPerRequest = Collections.unmodifiableMap(new LinkedHashMap<>(cpuMsPerRequest));
  }

  static CellResult of(
      int round, Workload workload, Route route, ClosedLoop.Measurement measurement) {
    double throughput = measurement.throughput();
    return new CellResult(
        round,
        workload.label(),
        route.label(),
        route.contract(),
        route.client(),
        measurement.concurrency(),
        measurement.duration().toMillis() / 1000.0,
        measurement.requests(),
        measurement.errors(),
        round2(throughput),
        workload == Workload.EVENT || workload == Workload.BATCH
            ? round2(throughput * workload.eventsPerRequest())
            : 0,
        round2(measurement.percentileMillis(50)),
        round2(measurement.percentileMillis(95)),
        round2(measurement.percentileMillis(99)),
        round2(measurement.meanMillis()),
        measurement.errorSamples(),
        measurement.cpuMsPerRequest());
  }

  static double round2(double value) {
    return Double.isNaN(value) ? 0 : Math.round(value * 100) / 100.0;
  }

  static final String CSV_HEADER =
      "round,workload,route,contract,client,concurrency,seconds,requests,errors,throughput,"
          + "eventsPerSecond,p50Ms,p95Ms,p99Ms,meanMs,"
          + NodeCpu.KINDS.stream().map(kind -> "cpuMs_" + kind).collect(Collectors.joining(","));

  String csv() {
    return String.join(
        ",",
        String.valueOf(round),
        workload,
        route,
        contract,
        client,
        String.valueOf(concurrency),
        String.valueOf(seconds),
        String.valueOf(requests),
        String.valueOf(errors),
        String.valueOf(throughput),
        String.valueOf(eventsPerSecond),
        String.valueOf(p50Ms),
        String.valueOf(p95Ms),
        String.valueOf(p99Ms),
        String.valueOf(meanMs),
        NodeCpu.KINDS.stream()
            .map(kind -> cpuMsPerRequest.containsKey(kind) ? cpuMs(kind) : "")
            .collect(Collectors.joining(",")));
  }

  /** Milliseconds of CPU per request of one kind of process, as printed. */
  String cpuMs(String kind) {
    Double millis = cpuMsPerRequest.get(kind);
    return millis == null ? "-" : String.format(Locale.ROOT, "%.2f", millis);
  }
}
