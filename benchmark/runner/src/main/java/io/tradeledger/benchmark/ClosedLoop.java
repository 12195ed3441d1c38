package io.tradeledger.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Requests in flight, exactly: a fixed number of worker threads, each sending its next request as
 * soon as its last one is answered (a closed loop, not a target rate). The first {@code warmUp} is
 * not counted; then every request answered within {@code duration} counts, with its latency from
 * sending to answer. Workers start no request after the end and the cell waits for the last ones to
 * be answered.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** What one cell measured. */
  record Measurement(
      int concurrency,
      Duration duration,
      long requests,
      long errors,
      long[] sortedLatencyNanos,
      Map<String, Long> errorSamples) {

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

  static Measurement run(
      Workloads.Request request, int concurrency, Duration warmUp, Duration duration)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    List<Worker> workers = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(i, request, measureFrom, end, done);
      workers.add(worker);
      Thread thread = new Thread(worker, "bench-worker-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    // The last requests may take as long as a request's own deadlines.
    if (!done.await(duration.toSeconds() + warmUp.toSeconds() + 120, TimeUnit.SECONDS)) {
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
    return new Measurement(concurrency, duration, requests, errors, all, samples);
  }

  private static final class Worker implements Runnable {
    private static final int MAX_SAMPLES = 5;

    private final int index;
    private final Workloads.Request request;
    private final long measureFrom;
    private final long end;
    private final CountDownLatch done;
    private final Map<String, Long> errorSamples = new LinkedHashMap<>();
    private long[] latencies = new long[1024];
    private int latencyCount;
    private long successes;
    private long errors;

    Worker(int index, Workloads.Request request, long measureFrom, long end, CountDownLatch done) {
      this.index = index;
      this.request = request;
      this.measureFrom = measureFrom;
      this.end = end;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          Exception failure = null;
          try {
            request.run(index);
          } catch (Exception e) {
            failure = e;
          }
          long answered = System.nanoTime();
          if (answered < measureFrom || answered > end) {
            continue;
          }
          if (failure == null) {
            successes++;
            record(answered - sent);
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
