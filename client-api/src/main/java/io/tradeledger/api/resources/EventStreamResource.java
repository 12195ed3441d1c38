package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.dropwizard.util.Duration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.ledger.EventCheckpoints;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.service.EventFeed;
import io.tradeledger.api.service.InvalidRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization's chaincode events as server-sent events. Each event's id is {@code
 * <block>-<transactionId>}, its name the contract's event type and its data the contract's event
 * JSON. Each stream holds a thread of a bounded pool; a comment line every heartbeat keeps proxies
 * from closing a quiet stream and notices a client that went away, which frees the thread.
 */
@Path("/events")
@Tag(name = "events")
@SecurityRequirement(name = "apiKey")
public final class EventStreamResource {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamResource.class);

  private final EventFeed feed;
  private final ExecutorService streams;
  private final ScheduledExecutorService heartbeats;
  private final Duration heartbeat;

  /**
   * @param streams runs one stream per thread and rejects a stream when all are busy
   * @param heartbeats sends the keep-alive comments
   */
  public EventStreamResource(
      EventFeed feed,
      ExecutorService streams,
      ScheduledExecutorService heartbeats,
      Duration heartbeat) {
    this.feed = feed;
    this.streams = streams;
    this.heartbeats = heartbeats;
    this.heartbeat = heartbeat;
  }

  /**
   * Streams events after {@code Last-Event-ID}; without it, after the last event this service
   * delivered to the same named {@code consumer} of the same API user (also before a restart), or
   * from the next block. Errors: 422 INVALID_INPUT for a Last-Event-ID this service did not issue
   * or a consumer name that is not an identifier, 503 STREAMS_EXHAUSTED when every stream slot is
   * taken.
   */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed(Role.READ)
  @Operation(
      summary = "Stream chaincode events (resumable with Last-Event-ID)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description =
                  "text/event-stream: id '<block>-<txId>', event the contract's event type, data"
                      + " its JSON {type, ids, actor, txId, timestamp}",
              content =
                  @Content(
                      mediaType = MediaType.SERVER_SENT_EVENTS,
                      schema = @Schema(type = "string"))))
  public void stream(
      @Parameter(hidden = true) @Auth ApiUser user,
      @Parameter(description = "the id of the last event received: the stream resumes after it")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Parameter(
              description =
                  "a name for this consumer: the service keeps its position, and a stream of the"
                      + " same consumer without Last-Event-ID resumes after it",
              schema = @Schema(pattern = "^[A-Za-z0-9._-]{1,64}$"))
          @QueryParam("consumer")
          String consumer,
      @Context SseEventSink sink,
      @Context Sse sse) {
    if (consumer != null && !EventCheckpoints.NAME.matcher(consumer).matches()) {
      throw new InvalidRequest("consumer must match [A-Za-z0-9._-]{1,64}");
    }
    Optional<EventPosition> after = Optional.empty();
    if (lastEventId != null && !lastEventId.isBlank()) {
      after =
          Optional.of(
              EventPosition.parse(lastEventId)
                  .orElseThrow(
                      () -> new InvalidRequest("Last-Event-ID is not an event id of this stream")));
    }
    EventFeed.Subscription subscription =
        feed.subscribe(user, Optional.ofNullable(consumer), after);
    try {
      streams.execute(() -> relay(user, subscription, sink, sse));
    } catch (RejectedExecutionException e) {
      subscription.close();
      throw new WebApplicationException(
          Problem.response(
              503, "STREAMS_EXHAUSTED", "every event stream slot is taken; retry later", null));
    }
  }

  private void relay(
      ApiUser user, EventFeed.Subscription subscription, SseEventSink sink, Sse sse) {
    long period = heartbeat.toMilliseconds();
    ScheduledFuture<?> pings =
        heartbeats.scheduleAtFixedRate(
            () -> ping(subscription, sink, sse), period, period, TimeUnit.MILLISECONDS);
    try (sink;
        subscription) {
      while (subscription.hasNext()) {
        LedgerEvent event = subscription.next();
        sink.send(
                sse.newEventBuilder()
                    .id(EventPosition.after(event).text())
                    .name(event.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(new String(event.payload(), StandardCharsets.UTF_8))
                    .build())
            .toCompletableFuture()
            .join();
        subscription.delivered(event);
      }
      // The stream was ended here (the service is stopping): a last comment that gets through
      // shows that the events written before it did too.
      long written = subscription.written();
      sink.send(sse.newEventBuilder().comment("end").build()).toCompletableFuture().join();
      subscription.reached(written);
    } catch (RuntimeException e) {
      // The client left, the peer went away or the service is stopping: the stream just ends.
      LOG.info("Event stream of {} ended: {}", user.name(), e.toString());
    } finally {
      pings.cancel(false);
    }
  }

  /**
   * A comment line; if it cannot be sent the client is gone, so the subscription ends. If it can,
   * the events written before it got through.
   */
  private static void ping(EventFeed.Subscription subscription, SseEventSink sink, Sse sse) {
    try {
      if (sink.isClosed()) {
        subscription.close();
        return;
      }
      long written = subscription.written();
      sink.send(sse.newEventBuilder().comment("keep-alive").build())
          .whenComplete(
              (sent, failure) -> {
                if (failure != null) {
                  subscription.close();
                } else {
                  subscription.reached(written);
                }
              });
    } catch (RuntimeException e) {
      subscription.close();
    }
  }
}
