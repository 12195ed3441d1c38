package io.tradeledger.api;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerPort;
import io.tradeledger.api.ledger.TransactionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load harness of the API's read path, not a test (speed is measured, never asserted): the real
 * application, as {@link TestApplication} runs it, with a ledger that answers every evaluation at
 * once (or after {@code --delay-ms}) with an accepted order of the size orders:GetOrder returns,
 * driven over HTTP by a fixed number of clients in flight, each sending its next request when its
 * last one is answered. What it measures is what the API itself adds to an evaluation: HTTP,
 * Jersey, authentication, the rate limit, metrics, the request log and the response. Run it with
 *
 * <pre>
 * mvn -B -o -pl client-api test-compile exec:exec@read-load [-Dread-load.args="..."]
 * </pre>
 *
 * <p>Options: {@code --concurrency 1,8,32,128}, {@code --duration} seconds counted per cell (5),
 * {@code --warmup} seconds not counted before each cell (2), {@code --rounds} (1), {@code --paths}
 * ({@code /orders/o-1,/me}: the order and, for comparison, the caller, which reads no ledger),
 * {@code --clients} ({@code urlconnection}, the JDK's HttpURLConnection, as the benchmark's API
 * route; or {@code httpclient}, java.net.http's HttpClient; both side by side with {@code
 * urlconnection,httpclient}) and {@code --delay-ms} (0). Prints per cell the requests per second,
 * p50 and p99 in milliseconds, the CPU per request of the whole process (the clients included) and
 * of the server's request threads ({@code dw-*}), and the bytes those threads allocated per
 * request: unlike the times, a count that other load on the machine hardly changes. The
 * configuration is test-config.yml with the network's log level (INFO) and the benchmark's lifted
 * rate limit; the request log goes to standard output, as on the network (redirect it).
 */
public final class ReadPathLoad {
  private static final String KEY = "reader-key";

  /** An accepted order with one shipment, as orders:GetOrder answers (about 1.2 KB). */
  static final String ORDER =
      """
      {"acceptedAt":"2026-04-02T09:14:05.123Z","audit":{"createdAt":"2026-04-01T08:00:00Z",\
      "createdBy":{"id":"x509::CN=User1@importer.trade.local,OU=client::CN=ca.importer.trade.local",\
      "mspId":"ImporterMSP"},"txId":"4b1c0e7f0a3d5e6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d",\
      "updatedAt":"2026-04-02T09:14:05.123Z","updatedBy":{"id":"x509::CN=User1@exporter.trade.local,\
      OU=client::CN=ca.exporter.trade.local","mspId":"ExporterMSP"},"updatedTxId":\
      "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"},"buyerMsp":"ImporterMSP",\
      "destination":"SEGOT","incoterm":"CIF","incotermPlace":"SEGOT","lines":[{"description":\
      "Mobile phones","hsCode":"851712","quantity":500,"unit":"H87"},{"description":\
      "Phone chargers","hsCode":"850440","quantity":500,"unit":"H87"}],"milestones":[\
      {"daysDue":0,"milestoneId":"deposit","shareBasisPoints":3000,"trigger":"ACCEPTANCE"},\
      {"daysDue":30,"milestoneId":"balance","shareBasisPoints":7000,"trigger":"DELIVERY"}],\
      "orderId":"o-1","origin":"CNSZX","requestedDeliveryDate":"2026-06-30","sellerMsp":\
      "ExporterMSP","status":"IN_TRANSIT","termsHash":\
      "5d41402abc4b2a76b9719d911017c592ae2d6d5f1e0b4c3a29f8e7d6c5b4a392",\
      "totalValue":{"amount":12500000,"currency":"EUR"}}""";

  private record Options(
      List<Integer> concurrency,
      Duration duration,
      Duration warmup,
      int rounds,
      List<String> paths,
      List<Client> clients,
      long delayMillis) {
    static Options parse(String[] args) {
      List<Integer> concurrency = List.of(1, 8, 32, 128);
      Duration duration = Duration.ofSeconds(5);
      Duration warmup = Duration.ofSeconds(2);
      int rounds = 1;
      List<String> paths = List.of("/orders/o-1", "/me");
      List<Client> clients = List.of(Client.URL_CONNECTION);
      long delay = 0;
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--concurrency" ->
              concurrency = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
          case "--duration" -> duration = Duration.ofMillis(seconds(value));
          case "--warmup" -> warmup = Duration.ofMillis(seconds(value));
          case "--rounds" -> rounds = Integer.parseInt(value);
          case "--paths" -> paths = List.of(value.split(","));
          case "--clients" -> clients = Arrays.stream(value.split(",")).map(Client::named).toList();
          case "--delay-ms" -> delay = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(concurrency, duration, warmup, rounds, paths, clients, delay);
    }

    private static long seconds(String value) {
      return Math.round(Double.parseDouble(value) * 1000);
    }
  }

  /** The JDK's two HTTP clients, each sending a GET with the key and reading the whole answer. */
  enum Client {
    /** java.net.http.HttpClient over HTTP/1.1. */
    HTTP_CLIENT("httpclient") {
      private final HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();

      @Override
      int get(URI uri) throws IOException, InterruptedException {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
      }
    },
    /** HttpURLConnection: blocking, its connections kept alive (http.maxConnections). */
    URL_CONNECTION("urlconnection") {
      @Override
      int get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setReadTimeout(30_000);
        connection.setRequestProperty("Authorization", "Bearer " + KEY);
        int status = connection.getResponseCode();
        // Read to the end, so that the connection goes back to the keep-alive cache.
        try (InputStream body =
            status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
          if (body != null) {
            body.readAllBytes();
          }
        }
        return status;
      }
    };

    private final String option;

    Client(String option) {
      this.option = option;
    }

    abstract int get(URI uri) throws IOException, InterruptedException;

    static Client named(String option) {
      return Arrays.stream(values())
          .filter(client -> client.option.equals(option))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown client " + option));
    }
  }

  private ReadPathLoad() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    // Keeps one connection per client in flight alive (the JDK keeps 5 unless told).
    System.setProperty("http.maxConnections", "1024");
    // The request log and the service's log go to standard output; the results to standard error.
    PrintStream out = System.err;
    DropwizardTestSupport<TradeLedgerConfiguration> service =
        TestApplication.service(
            new AnsweringLedger(ORDER.getBytes(StandardCharsets.UTF_8), options.delayMillis()),
            TestApplication.temporaryDirectory(),
            ConfigOverride.config("logging.level", "INFO"),
            ConfigOverride.config("rateLimit.requestsPerSecond", "100000"),
            ConfigOverride.config("rateLimit.burst", "200000"));
    service.before();
    try {
      URI base = URI.create("http://127.0.0.1:" + service.getLocalPort());
      for (String path : options.paths()) {
        for (Client client : options.clients()) {
          int status = client.get(base.resolve(path));
          if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
          }
        }
      }
      out.printf(
          Locale.ROOT,
          "%-5s %-14s %-14s %8s %10s %8s %8s %12s %12s %12s%n",
          "round",
          "client",
          "path",
          "inFlight",
          "req/s",
          "p50 ms",
          "p99 ms",
          "cpu us/req",
          "dw- us/req",
          "dw- KB/req");
      for (int round = 1; round <= options.rounds(); round++) {
        for (int concurrency : options.concurrency()) {
          for (Client client : options.clients()) {
            for (String path : options.paths()) {
              Cell cell = Cell.run(client, base.resolve(path), concurrency, options);
              out.printf(
                  Locale.ROOT,
                  "%-5d %-14s %-14s %8d %10.0f %8.2f %8.2f %12.0f %12.0f %12.1f%n",
                  round,
                  client.option,
                  path,
                  concurrency,
                  cell.throughput(),
                  cell.percentileMillis(50),
                  cell.percentileMillis(99),
                  cell.processCpuNanos() / 1e3 / cell.requests(),
                  cell.server().cpuNanos() / 1e3 / cell.requests(),
                  cell.server().allocatedBytes() / 1024.0 / cell.requests());
            }
          }
        }
      }
    } finally {
      service.after();
    }
    System.exit(0);
  }

  /** One path at one concurrency: what the counted window saw. */
  private record Cell(
      Duration window,
      long requests,
      long[] sortedNanos,
      long processCpuNanos,
      ServerThreads server) {

    double throughput() {
      return requests / (window.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
      int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
      return sortedNanos.length == 0 ? Double.NaN : sortedNanos[Math.max(0, index)] / 1e6;
    }

    static Cell run(Client client, URI uri, int concurrency, Options options)
        throws InterruptedException {
      long start = System.nanoTime();
      long from = start + options.warmup().toNanos();
      long end = from + options.duration().toNanos();
      AtomicLong failures = new AtomicLong();
      List<Latencies> latencies = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(concurrency);
      for (int i = 0; i < concurrency; i++) {
        Latencies own = new Latencies();
        latencies.add(own);
        Thread thread =
            new Thread(
                () -> {
                  try {
                    while (System.nanoTime() < end) {
                      long sent = System.nanoTime();
                      try {
                        if (client.get(uri) != 200) {
                          failures.incrementAndGet();
                          continue;
                        }
                      } catch (IOException e) {
                        failures.incrementAndGet();
                        continue;
                      }
                      long answered = System.nanoTime();
                      if (sent >= from && answered <= end) {
                        own.add(answered - sent);
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    done.countDown();
                  }
                },
                "load-" + i);
        thread.setDaemon(true);
        thread.start();
      }
      TimeUnit.NANOSECONDS.sleep(from - System.nanoTime());
      long processCpu = processCpuSoFar();
      ServerThreads server = ServerThreads.now();
      TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
      processCpu = processCpuSoFar() - processCpu;
      server = ServerThreads.now().minus(server);
      done.await();
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " requests failed");
      }
      long[] all =
          latencies.stream().flatMapToLong(own -> Arrays.stream(own.nanos, 0, own.count)).toArray();
      Arrays.sort(all);
      return new Cell(options.duration(), all.length, all, processCpu, server);
    }

    private static long processCpuSoFar() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  /**
   * The CPU time and the bytes allocated so far by Jetty's threads, which run every request of the
   * service (a thread that ended is no longer counted).
   */
  private record ServerThreads(long cpuNanos, long allocatedBytes) {
    static ServerThreads now() {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpu = 0;
      long allocated = 0;
      for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (thread != null && thread.getThreadName().startsWith("dw-")) {
          cpu += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
          allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getThreadId()));
        }
      }
      return new ServerThreads(cpu, allocated);
    }

    ServerThreads minus(ServerThreads earlier) {
      return new ServerThreads(
          cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
    }
  }

  /** One client's latencies in the counted window. */
  private static final class Latencies {
    private long[] nanos = new long[4096];
    private int count;

    void add(long latency) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, 2 * count);
      }
      nanos[count++] = latency;
    }
  }

  /** Answers every evaluation with the same bytes, after a delay that stands for the peer. */
  private record AnsweringLedger(byte[] answer, long delayMillis) implements LedgerPort {
    @Override
    public String mspId() {
      return "ImporterMSP";
    }

    @Override
    public byte[] evaluate(String fabricUser, LedgerCall call) {
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return answer;
    }

    @Override
    public Submitted submit(String fabricUser, LedgerCall call, Ordering ordering) {
      throw new UnsupportedOperationException("the read path only");
    }

    @Override
    public EventStream events(String fabricUser, Optional<EventPosition> after) {
      throw new UnsupportedOperationException("the read path only");
    }

    @Override
    public TransactionStatus transactionStatus(String fabricUser, String transactionId) {
      throw new UnsupportedOperationException("the read path only");
    }

    @Override
    public boolean reachable() {
      return true;
    }
  }
}
