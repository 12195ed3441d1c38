package io.tradeledger.api.errors;

import io.tradeledger.api.ledger.FabricGatewayLedger;

/** The HTTP status of a contract or validation code. */
public final class ErrorStatus {
  private ErrorStatus() {}

  public static int of(String code) {
    if (code.endsWith("_NOT_FOUND")) {
      return 404;
    }
    return switch (code) {
      case "INVALID_INPUT",
          "TERMS_HASH_MISMATCH",
          "TERMS_NOT_PROVIDED",
          "TERMS_LINES_MISPRICED",
          "TERMS_TOTAL_MISMATCH",
          "DATE_IN_PAST",
          "DOCUMENT_SUPERSEDE_MISMATCH",
          "POLICY_COVER_INSUFFICIENT",
          "CLAIM_AMOUNT_EXCEEDS_COVER",
          "EVENT_IN_FUTURE",
          "EVENT_LOCATION_INVALID",
          "EVENT_RETRACTION_MISMATCH",
          "INCOTERM_MODE_NOT_ALLOWED",
          "INCOTERM_PLACE_MISMATCH",
          "CUSTOMS_NOT_COUNTRY_OF_IMPORT",
          "DECLARATION_HS_CODE_MISMATCH",
          "POLICY_BUYER_CANNOT_CLAIM",
          "POLICY_MUST_ATTACH_FROM_SHIPMENT" ->
          422;
      case "ACCESS_DENIED",
          "ROLE_REQUIRED",
          "NOT_A_PARTICIPANT",
          "WRONG_ENDORSING_PEER",
          "DOCUMENT_ISSUER_NOT_ENTITLED" ->
          403;
      case "ORDER_NOT_ACCEPTED",
          "ORDER_NOT_COMPLETABLE",
          "MILESTONE_NOT_DUE",
          "POLICY_AFTER_ARRIVAL",
          "TERMS_NOT_STORED",
          "SHIPMENT_QUANTITY_EXCEEDS_ORDER",
          "EVENT_OUT_OF_SEQUENCE",
          "EVENT_NOT_RETRACTABLE",
          "ENDORSEMENT_POLICY_FAILURE",
          "MVCC_READ_CONFLICT",
          "PHANTOM_READ_CONFLICT",
          FabricGatewayLedger.ENDORSEMENT_MISMATCH ->
          409;
      case FabricGatewayLedger.ENDORSERS_UNAVAILABLE -> 503;
      default -> conflictOrUnknown(code);
    };
  }

  private static int conflictOrUnknown(String code) {
    if (code.endsWith("_CONFLICT")
        || code.endsWith("_INVALID_TRANSITION")
        || code.contains("_ALREADY_")
        || code.startsWith("REGISTRY_")) {
      return 409;
    }
    return 502;
  }
}
