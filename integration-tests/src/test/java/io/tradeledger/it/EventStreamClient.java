package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One client of an API's event stream ({@code GET /events}, server-sent events), read on its own
 * thread into a list of what arrived, in arrival order. Closing it drops the connection, as a
 * client that goes away does.
 */
final class EventStreamClient implements AutoCloseable {
  /** One event as the client received it; its id is {@code <block>-<txId>}. */
  record Event(String id, String name, String data) {
    long blockNumber() {
      return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    String transactionId() {
      return id.substring(id.indexOf('-') + 1);
    }
  }

  private final String description;
  private final Thread reader;
  private final List<Event> events = new ArrayList<>();
  private InputStream body;
  private Throwable failure;
  private boolean closed;

  private EventStreamClient(String description, HttpRequest request) {
    this.description = description;
    this.reader = new Thread(() -> read(request), "events " + description);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens a stream of the organization's API as the key's user, as the named {@code consumer} and
   * after {@code lastEventId}, each when not null.
   */
  static EventStreamClient open(
      Apis apis, Organization org, String key, String consumer, String lastEventId) {
    String path = consumer == null ? "/events" : "/events?consumer=" + consumer;
    HttpRequest.Builder request =
        apis.request(org, path, key)
            .header("Accept", "text/event-stream")
            // Bounds the wait for the response's head only; the stream itself stays open.
            .timeout(Duration.ofSeconds(60));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return new EventStreamClient(
        org.directory() + " consumer=" + consumer + " Last-Event-ID=" + lastEventId,
        request.GET().build());
  }

  private void read(HttpRequest request) {
    try {
      HttpResponse<InputStream> response =
          Apis.send(request, HttpResponse.BodyHandlers.ofInputStream());
      synchronized (this) {
        body = response.body();
        if (closed) {
          body.close();
          return;
        }
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "status " + response.statusCode() + ": " + new String(body.readAllBytes(), UTF_8));
      }
      parse(new BufferedReader(new InputStreamReader(body, UTF_8)));
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        if (!closed) {
          failure = e;
        }
        notifyAll();
      }
    }
  }

  /** Server-sent events: fields up to a blank line; comments (keep-alives) start with a colon. */
  private void parse(BufferedReader lines) throws IOException {
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        if (id != null) {
          received(new Event(id, name, data.toString()));
        }
        id = null;
        name = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
      }
    }
    throw new IllegalStateException("the server ended the stream");
  }

  private synchronized void received(Event event) {
    events.add(event);
    notifyAll();
  }

  /**
   * Waits until the events of every given transaction arrived; returns every event received so far,
   * in arrival order.
   */
  synchronized List<Event> awaitTransactions(Collection<String> transactionIds, Duration timeout) {
    Set<String> wanted = Set.copyOf(transactionIds);
    waitFor(
        timeout,
        () ->
            events.stream()
                .map(Event::transactionId)
                .collect(Collectors.toSet())
                .containsAll(wanted),
        "the events of " + wanted.size() + " transactions");
    return List.copyOf(events);
  }

  /** Every event received so far, in arrival order. */
  synchronized List<Event> received() {
    return List.copyOf(events);
  }

  private void waitFor(Duration timeout, BooleanSupplier done, String what) {
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (!done.getAsBoolean()) {
        if (failure != null) {
          throw new AssertionError(description + " failed while waiting for " + what, failure);
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError(
              description
                  + ": gave up after "
                  + timeout.toSeconds()
                  + " s waiting for "
                  + what
                  + "; received "
                  + events);
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    InputStream open;
    synchronized (this) {
      closed = true;
      open = body;
    }
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    reader.interrupt();
    try {
      reader.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
