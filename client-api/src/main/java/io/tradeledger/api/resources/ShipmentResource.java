package io.tradeledger.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Shipments, their Track & Trace events and their customs declarations. */
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "shipments")
@SecurityRequirement(name = "apiKey")
public final class ShipmentResource {
  private final LedgerService ledger;

  public ShipmentResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * The party contracting the main carriage (the seller under C- and D-rules or when the order says
   * so, the buyer under EXW, FCA, FAS and FOB) books a shipment of an accepted order, with the
   * quantity of each order line it moves; 409 ORDER_NOT_ACCEPTED or
   * SHIPMENT_QUANTITY_EXCEEDS_ORDER, 403 ACCESS_DENIED, 422 INCOTERM_MODE_NOT_ALLOWED or
   * INCOTERM_PLACE_MISMATCH.
   */
  @POST
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Book a shipment (party contracting the main carriage)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response book(@Parameter(hidden = true) @Auth ApiUser user, Booking booking) {
    return Responses.created(ledger.submit(user, Transactions.BOOK_SHIPMENT, booking));
  }

  /** The shipments this organization ships, receives or carries, a page at a time. */
  @GET
  @RolesAllowed(Role.READ)
  @Operation(summary = "List this organization's shipments")
  public Response list(
      @Parameter(hidden = true) @Auth ApiUser user,
      @QueryParam("pageSize")
          @DefaultValue("20")
          @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
          String pageSize,
      @QueryParam("cursor") String cursor) {
    return Responses.ok(ledger.page(user, Transactions.LIST_SHIPMENTS, pageSize, cursor));
  }

  /** One shipment; 404 SHIPMENT_NOT_FOUND. */
  @GET
  @Path("/{shipmentId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get a shipment")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("shipmentId") String shipmentId) {
    return Responses.ok(ledger.read(user, Transactions.GET_SHIPMENT, shipmentId));
  }

  /** The carrier confirms a booking. */
  @POST
  @Path("/{shipmentId}/confirm")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Confirm a booking (carrier)")
  public Response confirm(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("shipmentId") String shipmentId) {
    return Responses.changed(ledger.submit(user, Transactions.CONFIRM_SHIPMENT, shipmentId));
  }

  /** The shipment's events by event time, each marked retracted or not. */
  @GET
  @Path("/{shipmentId}/events")
  @RolesAllowed(Role.READ)
  @Operation(summary = "List a shipment's events")
  public Response events(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("shipmentId") String shipmentId) {
    return Responses.ok(ledger.read(user, Transactions.LIST_SHIPMENT_EVENTS, shipmentId));
  }

  /**
   * The carrier records one event; 409 EVENT_CONFLICT, EVENT_OUT_OF_SEQUENCE,
   * EVENT_NOT_RETRACTABLE; 422 EVENT_IN_FUTURE, EVENT_LOCATION_INVALID, EVENT_RETRACTION_MISMATCH.
   */
  @POST
  @Path("/{shipmentId}/events")
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Record one shipment event (carrier)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response record(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("shipmentId") String shipmentId,
      @RequestBody(content = @Content(schema = @Schema(implementation = EventReport.class)))
          JsonNode event) {
    EventReport report = ledger.input(EventReport.class, event, Map.of("shipmentId", shipmentId));
    return Responses.created(ledger.submit(user, Transactions.RECORD_SHIPMENT_EVENT, report));
  }

  /** The carrier records up to 500 events in one transaction. */
  @POST
  @Path("/{shipmentId}/events/batch")
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Record a batch of shipment events in one transaction (carrier)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response recordBatch(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("shipmentId") String shipmentId,
      @RequestBody(content = @Content(schema = @Schema(implementation = EventBatch.class)))
          JsonNode batch) {
    // The URL names the shipment: the batch and each of its events belong to it.
    if (LedgerService.required(batch).get("events") instanceof ArrayNode events) {
      events.forEach(
          event -> {
            if (event instanceof ObjectNode object) {
              object.put("shipmentId", shipmentId);
            }
          });
    }
    EventBatch events = ledger.input(EventBatch.class, batch, Map.of("shipmentId", shipmentId));
    return Responses.created(ledger.submit(user, Transactions.RECORD_SHIPMENT_EVENTS, events));
  }

  /** The shipment's customs declarations. */
  @GET
  @Path("/{shipmentId}/declarations")
  @RolesAllowed(Role.READ)
  @Operation(summary = "List a shipment's customs declarations")
  public Response declarations(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("shipmentId") String shipmentId) {
    return Responses.ok(ledger.read(user, Transactions.LIST_DECLARATIONS, shipmentId));
  }
}
