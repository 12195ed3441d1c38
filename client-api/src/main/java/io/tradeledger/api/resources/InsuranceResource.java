package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.api.Requests.DecideClaim;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Insurance policies on shipments, and claims under them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "insurance")
@SecurityRequirement(name = "apiKey")
public final class InsuranceResource {
  private final LedgerService ledger;

  public InsuranceResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * An insurer issues a policy before the shipment arrives (409 POLICY_AFTER_ARRIVAL); after
   * departure it must attach from shipment (422 POLICY_MUST_ATTACH_FROM_SHIPMENT); under CIF or CIP
   * 422 POLICY_COVER_INSUFFICIENT or POLICY_BUYER_CANNOT_CLAIM.
   */
  @POST
  @Path("policies")
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Issue an insurance policy (insurer)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response issue(@Parameter(hidden = true) @Auth ApiUser user, PolicyIssue policy) {
    return Responses.created(ledger.submit(user, Transactions.ISSUE_POLICY, policy));
  }

  /** One policy; 404 POLICY_NOT_FOUND. */
  @GET
  @Path("policies/{policyId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get an insurance policy")
  public Response policy(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("policyId") String policyId) {
    return Responses.ok(ledger.read(user, Transactions.GET_POLICY, policyId));
  }

  /** The policy's claims. */
  @GET
  @Path("policies/{policyId}/claims")
  @RolesAllowed(Role.READ)
  @Operation(summary = "List a policy's claims")
  public Response claims(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("policyId") String policyId) {
    return Responses.ok(ledger.read(user, Transactions.LIST_CLAIMS, policyId));
  }

  /**
   * The insured or a beneficiary files a claim; 422 CLAIM_AMOUNT_EXCEEDS_COVER beyond what the
   * approved and settled claims leave of the cover.
   */
  @POST
  @Path("claims")
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "File an insurance claim (insured)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response file(@Parameter(hidden = true) @Auth ApiUser user, ClaimFiling claim) {
    return Responses.created(ledger.submit(user, Transactions.FILE_CLAIM, claim));
  }

  /** One claim; 404 CLAIM_NOT_FOUND. */
  @GET
  @Path("claims/{claimId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get an insurance claim")
  public Response claim(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("claimId") String claimId) {
    return Responses.ok(ledger.read(user, Transactions.GET_CLAIM, claimId));
  }

  /** The insurer decides a claim; 409 CLAIM_INVALID_TRANSITION. */
  @POST
  @Path("claims/{claimId}/decision")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Decide an insurance claim (insurer)")
  public Response decide(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("claimId") String claimId,
      DecideClaim decision) {
    return Responses.changed(
        ledger.submit(
            user, Transactions.DECIDE_CLAIM, LedgerService.required(decision).of(claimId)));
  }
}
