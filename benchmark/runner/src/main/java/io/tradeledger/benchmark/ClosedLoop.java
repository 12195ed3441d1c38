package io.tradeledger.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Requests in flight, exactly: a fixed number of worker threads, each sending its next request as
 * soon as its last one is answered (a closed loop, not a target rate).
 *
 * <p>The warm-up lasts {@code warmUp} and until every worker has had one answer, so that every
 * worker is in its loop when counting starts. The counted window then lasts {@code duration}, or
 * twice the slowest warm-up request when that is longer (up to {@link #LONGEST_WINDOW}), so that
 * slow requests (a batch at 128 in flight) are still answered a few times per worker. Every request
 * answered within the window counts, with its latency from sending to answer; workers start no
 * request after the window and the cell waits for the last ones to be answered. The CPU the
 * network's processes and the clients used within the window is sampled at its start and end.
 */
final class ClosedLoop {
  static final Duration LONGEST_WINDOW = Duration.ofSeconds(30);
  private static final Duration LONGEST_WARM_UP = Duration.ofSeconds(90);

  private ClosedLoop() {}

  /** What one cell measured over its counted window. */
  record Measurement(
      int concurrency,
      Duration duration,
      long requests,
      long errors,
      long[] sortedLatencyNanos,
      Map<String, Long> errorSamples,
      Map<String, Double> cpuMsPerRequest) {

    double throughput() {
      return requests / (duration.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length) - 1;
      return sortedLatencyNanos[Math.max(0, index)] / 1e6;
    }

    double meanMillis() {
      return Arrays.stream(sortedLatencyNanos).average().orElse(Double.NaN) / 1e6;
    }
  }

  /** When counting starts and ends, decided once the warm-up is over. */
  private static final class Window {
    volatile long from = Long.MAX_VALUE;
    volatile long end = Long.MAX_VALUE;
    final AtomicLong slowestWarmUp = new AtomicLong();
  }

  static Measurement run(
      Workloads.Request request,
      int concurrency,
      Duration warmUp,
      Duration duration,
      Supplier<Map<String, Duration>> cpu)
      throws InterruptedException {
    long start = System.nanoTime();
    Window window = new Window();
    List<Worker> workers = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(i, request, window, done);
      workers.add(worker);
      Thread thread = new Thread(worker, "bench-worker-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    long warmUpEnd = start + warmUp.toNanos();
    long warmUpLimit = start + LONGEST_WARM_UP.toNanos();
    while (System.nanoTime() < warmUpLimit
        && (System.nanoTime() < warmUpEnd
            || workers.stream().anyMatch(worker -> !worker.answered))) {
      Thread.sleep(20);
    }
    long length =
        Math.max(
            duration.toNanos(), Math.min(2 * window.slowestWarmUp.get(), LONGEST_WINDOW.toNanos()));
    Map<String, Duration> cpuBefore = cpu.get();
    long from = System.nanoTime();
    window.end = from + length;
    window.from = from;
    long untilEnd = window.end - System.nanoTime();
    if (untilEnd > 0) {
      TimeUnit.NANOSECONDS.sleep(untilEnd);
    }
    Map<String, Duration> cpuAfter = cpu.get();
    // The last requests may take as long as a request's own deadlines.
    if (!done.await(TimeUnit.NANOSECONDS.toSeconds(length) + 120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("workers still busy two minutes after the cell ended");
    }
    long requests = 0;
    long errors = 0;
    int latencies = 0;
    Map<String, Long> samples = new LinkedHashMap<>();
    for (Worker worker : workers) {
      requests += worker.successes;
      errors += worker.errors;
      latencies += worker.latencyCount;
      worker.errorSamples.forEach((message, count) -> samples.merge(message, count, Long::sum));
    }
    long[] all = new long[latencies];
    int offset = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, all, offset, worker.latencyCount);
      offset += worker.latencyCount;
    }
    Arrays.sort(all);
    return new Measurement(
        concurrency,
        Duration.ofNanos(length),
        requests,
        errors,
        all,
        samples,
        NodeCpu.millisPerRequest(cpuBefore, cpuAfter, requests));
  }

  private static final class Worker implements Runnable {
    private static final int MAX_SAMPLES = 5;

    private final int index;
    private final Workloads.Request request;
    private final Window window;
    private final CountDownLatch done;
    private final Map<String, Long> errorSamples = new LinkedHashMap<>();
    private long[] latencies = new long[1024];
    private int latencyCount;
    private long successes;
    private long errors;
    private volatile boolean answered;

    Worker(int index, Workloads.Request request, Window window, CountDownLatch done) {
      this.index = index;
      this.request = request;
      this.window = window;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        while (System.nanoTime() < window.end) {
          long sent = System.nanoTime();
          Exception failure = null;
          try {
            request.run(index);
          } catch (Exception e) {
            failure = e;
          }
          long answeredAt = System.nanoTime();
          long from = window.from;
          if (answeredAt < from) {
            window.slowestWarmUp.accumulateAndGet(answeredAt - sent, Math::max);
            answered = true;
            continue;
          }
          if (answeredAt > window.end) {
            continue;
          }
          if (failure == null) {
            successes++;
            record(answeredAt - sent);
          } else {
            errors++;
            String message = describe(failure);
            if (errorSamples.containsKey(message) || errorSamples.size() < MAX_SAMPLES) {
              errorSamples.merge(message, 1L, Long::sum);
            }
          }
        }
      } finally {
        done.countDown();
      }
    }

    private void record(long nanos) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = nanos;
    }

    private static String describe(Exception failure) {
      String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
      return message.length() > 300 ? message.substring(0, 300) : message;
    }
  }
}
