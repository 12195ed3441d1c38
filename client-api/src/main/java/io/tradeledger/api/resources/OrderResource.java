package io.tradeledger.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.api.Requests.PaymentReference;
import io.tradeledger.api.api.Requests.Reason;
import io.tradeledger.api.api.Results.ProposedOrder;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.api.service.OrderService;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.MilestoneReference;
import io.tradeledger.contract.OrderStatus;
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

/**
 * Orders and what hangs off them: confidential terms, acceptance, payment milestones, documents and
 * the trade's timeline.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
@SecurityRequirement(name = "apiKey")
public final class OrderResource {
  private final LedgerService ledger;
  private final OrderService orders;

  public OrderResource(LedgerService ledger, OrderService orders) {
    this.ledger = ledger;
    this.orders = orders;
  }

  /**
   * Proposes an order as this organization (the buyer) with its confidential terms: orders:
   * ProposeOrder with the terms' hash, then orders:StoreOrderTerms on this organization's peer. The
   * response carries the order, the salted terms to hand to the seller off-ledger, and their hash.
   * The same order again returns it (201). Errors: 403 ROLE_REQUIRED, 409 ORDER_CONFLICT (same id,
   * other content), 422 INVALID_INPUT.
   */
  @POST
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Propose an order with confidential terms",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "the order, the salted terms and their hash",
              content = @Content(schema = @Schema(implementation = ProposedOrder.class))))
  public Response propose(
      @Parameter(hidden = true) @Auth ApiUser user,
      @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/ProposeOrder")))
          JsonNode request) {
    OrderService.Proposed proposed = orders.propose(user, request);
    return Response.status(Response.Status.CREATED)
        .header(Responses.TRANSACTION_ID, proposed.transactionId())
        .entity(proposed.result())
        .build();
  }

  /**
   * The orders this organization takes part in, a page at a time, optionally only those in one
   * status. Errors: 400 INVALID_REQUEST for an unknown status, 422 INVALID_INPUT for a page size or
   * cursor.
   */
  @GET
  @RolesAllowed(Role.READ)
  @Operation(summary = "List this organization's orders")
  public Response list(
      @Parameter(hidden = true) @Auth ApiUser user,
      @QueryParam("pageSize")
          @DefaultValue("20")
          @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
          String pageSize,
      @QueryParam("cursor") String cursor,
      @QueryParam("status")
          @Parameter(
              description =
                  "only orders in this status (as read, IN_TRANSIT and DELIVERED included); such a"
                      + " page may hold fewer records than pageSize, even none, and still have a"
                      + " nextCursor")
          OrderStatus status) {
    if (status == null) {
      return Responses.ok(ledger.page(user, Transactions.LIST_ORDERS, pageSize, cursor));
    }
    return Responses.ok(
        ledger.filteredPage(
            user,
            Transactions.LIST_ORDERS,
            pageSize,
            cursor,
            order -> status.name().equals(order.path("status").asText())));
  }

  /** One order with its derived status; 404 ORDER_NOT_FOUND also for orders not visible here. */
  @GET
  @Path("/{orderId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get an order")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.ok(ledger.read(user, Transactions.GET_ORDER, orderId));
  }

  /** This organization's own copy of the confidential terms; 409 TERMS_NOT_STORED. */
  @GET
  @Path("/{orderId}/terms")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get this organization's copy of the confidential terms")
  public Response terms(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.ok(orders.terms(user, orderId));
  }

  /** Stores this organization's copy of the terms; 422 TERMS_HASH_MISMATCH. */
  @POST
  @Path("/{orderId}/terms")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Store this organization's copy of the confidential terms")
  public Response storeTerms(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      ConfidentialTerms terms) {
    return Responses.changed(orders.storeTerms(user, orderId, terms));
  }

  /** The seller stores its copy of the terms and accepts; 409 ORDER_INVALID_TRANSITION. */
  @POST
  @Path("/{orderId}/accept")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Accept an order (seller), with the agreed terms")
  public Response accept(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      ConfidentialTerms terms) {
    return Responses.changed(orders.accept(user, orderId, terms));
  }

  /** The seller rejects a proposed order. */
  @POST
  @Path("/{orderId}/reject")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Reject an order (seller)")
  public Response reject(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      Reason reason) {
    return Responses.changed(
        ledger.submit(user, Transactions.REJECT_ORDER, LedgerService.required(reason).of(orderId)));
  }

  /** The buyer cancels an order not yet accepted. */
  @POST
  @Path("/{orderId}/cancel")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Cancel an order (buyer)")
  public Response cancel(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      Reason reason) {
    return Responses.changed(
        ledger.submit(user, Transactions.CANCEL_ORDER, LedgerService.required(reason).of(orderId)));
  }

  /** Completes a paid and delivered order; 409 ORDER_NOT_COMPLETABLE. */
  @POST
  @Path("/{orderId}/complete")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Complete a paid and delivered order")
  public Response complete(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.changed(ledger.submit(user, Transactions.COMPLETE_ORDER, orderId));
  }

  /** The order's payment milestones, with when each falls due. */
  @GET
  @Path("/{orderId}/milestones")
  @RolesAllowed(Role.READ)
  @Operation(summary = "List an order's payment milestones")
  public Response milestones(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.ok(ledger.read(user, Transactions.GET_MILESTONES, orderId));
  }

  /**
   * The payer records a payment, when due or earlier (early payment is allowed); 409
   * ORDER_NOT_ACCEPTED.
   */
  @POST
  @Path("/{orderId}/milestones/{milestoneId}/payment")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Record a milestone payment (payer)")
  public Response pay(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      @PathParam("milestoneId") String milestoneId,
      PaymentReference payment) {
    return Responses.changed(
        ledger.submit(
            user,
            Transactions.RECORD_PAYMENT,
            LedgerService.required(payment).of(orderId, milestoneId)));
  }

  /** The payee confirms receipt; the last confirmation may complete the order. */
  @POST
  @Path("/{orderId}/milestones/{milestoneId}/confirmation")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Confirm receipt of a milestone payment (payee)")
  public Response confirm(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("orderId") String orderId,
      @PathParam("milestoneId") String milestoneId) {
    return Responses.changed(
        ledger.submit(
            user, Transactions.CONFIRM_PAYMENT, new MilestoneReference(orderId, milestoneId)));
  }

  /** Every record of the trade in time order. */
  @GET
  @Path("/{orderId}/timeline")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get the timeline of a trade")
  public Response timeline(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.ok(ledger.read(user, Transactions.GET_TIMELINE, orderId));
  }

  /** The documents anchored for the order and its shipments. */
  @GET
  @Path("/{orderId}/documents")
  @RolesAllowed(Role.READ)
  @Operation(summary = "List an order's documents")
  public Response documents(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("orderId") String orderId) {
    return Responses.ok(ledger.read(user, Transactions.LIST_DOCUMENTS, orderId));
  }
}
