package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerException;
import io.tradeledger.api.ledger.LedgerPort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization's chaincode events as server-sent events. Each event's id is {@code
 * <block>-<transactionId>}; a client that reconnects with that id in Last-Event-ID resumes right
 * after it, also after a restart of this service, because the position lives on the ledger.
 */
@Path("/events")
@Tag(name = "events")
@SecurityRequirement(name = "apiKey")
public final class EventStreamResource {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamResource.class);

  private final LedgerPort ledger;
  private final ExecutorService streams;

  public EventStreamResource(LedgerPort ledger, ExecutorService streams) {
    this.ledger = ledger;
    this.streams = streams;
  }

  /** Streams events from Last-Event-ID (or from now); each carries the contract's event JSON. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed(Role.READ)
  @Operation(summary = "Stream chaincode events (resumable with Last-Event-ID)")
  public void stream(
      @Auth ApiUser user,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    Optional<EventPosition> after = EventPosition.parse(lastEventId);
    streams.execute(() -> relay(user, after, sink, sse));
  }

  private void relay(ApiUser user, Optional<EventPosition> after, SseEventSink sink, Sse sse) {
    try (sink;
        LedgerPort.EventStream events = ledger.events(user.fabricUser(), after)) {
      while (!sink.isClosed() && events.hasNext()) {
        LedgerEvent event = events.next();
        sink.send(
                sse.newEventBuilder()
                    .id(EventPosition.after(event).text())
                    .name(event.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(new String(event.payload(), StandardCharsets.UTF_8))
                    .build())
            .toCompletableFuture()
            .join();
      }
    } catch (LedgerException | java.util.concurrent.CompletionException e) {
      LOG.info("Event stream for {} ended: {}", user.name(), e.getMessage());
    }
  }
}
