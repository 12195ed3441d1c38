package io.tradeledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long and how wide a run is. The default full run takes about ten minutes on two cores; {@code
 * --quick} is the smoke (1 and 8 in flight, 2 s cells, one round).
 *
 * @param data the network's data directory (TRADE_LEDGER_DATA)
 * @param output where results.json and results.csv go
 * @param concurrencies requests in flight, one cell each
 * @param batchConcurrencies requests in flight for the batch workload: by default those of the
 *     others up to {@value #LARGEST_DEFAULT_BATCH_CONCURRENCY} (128 batches of 100 in flight take
 *     longer than the Gateway's deadlines on two cores)
 * @param jitWarmUp how long each route runs the read and create workloads once before the rounds,
 *     uncounted, so that the API's JIT compiler (and the runner's) is done before anything counts
 * @param warmUp the uncounted start of each cell (longer until every worker had an answer)
 * @param duration the counted part of each cell (longer for slow requests: {@link ClosedLoop})
 * @param rounds how many times the read and create cells alternate between ours and the floor
 * @param workloads which workloads run
 */
record Options(
    Path data,
    Path output,
    List<Integer> concurrencies,
    List<Integer> batchConcurrencies,
    Duration jitWarmUp,
    Duration warmUp,
    Duration duration,
    int rounds,
    List<Workload> workloads) {

  static final String USAGE =
      """
      usage: benchmark [--quick] [--data DIR] [--output DIR] [--concurrency 1,8,32,128]
                       [--batch-concurrency 1,8,32] [--duration SECONDS] [--warmup SECONDS]
                       [--jit-warmup SECONDS] [--rounds N]
                       [--workloads read,create,event,batch]
      """;

  static final int LARGEST_DEFAULT_BATCH_CONCURRENCY = 32;

  Options {
    concurrencies = List.copyOf(concurrencies);
    batchConcurrencies = List.copyOf(batchConcurrencies);
    workloads = List.copyOf(workloads);
    if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("concurrencies must be positive: " + concurrencies);
    }
    if (rounds < 1 || duration.isNegative() || duration.isZero() || warmUp.isNegative()) {
      throw new IllegalArgumentException("rounds and duration must be positive");
    }
    if (jitWarmUp.isNegative()) {
      throw new IllegalArgumentException("the JIT warm-up cannot be negative");
    }
  }

  static Options defaults(Path data, Path output) {
    return new Options(
        data,
        output,
        List.of(1, 8, 32, 128),
        List.of(1, 8, 32),
        Duration.ofSeconds(15),
        Duration.ofSeconds(1),
        Duration.ofSeconds(4),
        3,
        List.of(Workload.values()));
  }

  /** The smoke: every workload at 1 and 8 in flight for two seconds, once, without JIT warm-up. */
  Options quick() {
    return new Options(
        data,
        output,
        List.of(1, 8),
        List.of(1, 8),
        Duration.ZERO,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        1,
        workloads);
  }

  static Options parse(String[] arguments, Path defaultData, Path defaultOutput) {
    Options defaults = defaults(defaultData, defaultOutput);
    Path data = defaults.data;
    Path output = defaults.output;
    List<Integer> concurrencies = defaults.concurrencies;
    List<Integer> batchConcurrencies = null;
    Duration jitWarmUp = defaults.jitWarmUp;
    Duration warmUp = defaults.warmUp;
    Duration duration = defaults.duration;
    int rounds = defaults.rounds;
    List<Workload> workloads = defaults.workloads;
    boolean quick = false;
    List<String> rest = new ArrayList<>(Arrays.asList(arguments));
    while (!rest.isEmpty()) {
      String name = rest.remove(0);
      if (name.equals("--quick")) {
        quick = true;
        continue;
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
      }
      String value = rest.remove(0);
      switch (name) {
        case "--data" -> data = Path.of(value);
        case "--output" -> output = Path.of(value);
        case "--concurrency" -> concurrencies = numbers(value);
        case "--batch-concurrency" -> batchConcurrencies = numbers(value);
        case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
        case "--warmup" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
        case "--jit-warmup" -> jitWarmUp = Duration.ofSeconds(Long.parseLong(value));
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--workloads" ->
            workloads =
                Arrays.stream(value.split(","))
                    .map(w -> Workload.valueOf(w.strip().toUpperCase(Locale.ROOT)))
                    .toList();
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      }
    }
    if (batchConcurrencies == null) {
      batchConcurrencies =
          concurrencies.stream().filter(c -> c <= LARGEST_DEFAULT_BATCH_CONCURRENCY).toList();
    }
    Options options =
        new Options(
            data,
            output,
            concurrencies,
            batchConcurrencies,
            jitWarmUp,
            warmUp,
            duration,
            rounds,
            workloads);
    return quick ? options.quick() : options;
  }

  private static List<Integer> numbers(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
