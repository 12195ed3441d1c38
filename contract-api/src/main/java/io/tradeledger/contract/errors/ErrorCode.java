package io.tradeledger.contract.errors;

/**
 * Every stable error code the contract can return. A rejected transaction's message starts with
 * {@code CODE: }, because the Fabric Gateway passes only the message to clients. Codes are API:
 * never rename or reuse one.
 */
public enum ErrorCode {
  // Input and callers: any transaction.
  /** The arguments are not valid JSON, miss a field, carry an unknown field or a bad value. */
  INVALID_INPUT,
  /** The calling organization is not the one this action belongs to. */
  ACCESS_DENIED,
  /** The calling organization lacks the role this action needs. */
  ROLE_REQUIRED,
  /** The calling organization is not in the participant registry. */
  NOT_A_PARTICIPANT,
  /** The transaction must be endorsed by the caller's own peer only (private data). */
  WRONG_ENDORSING_PEER,

  // Participant registry.
  PARTICIPANT_NOT_FOUND,
  REGISTRY_ALREADY_INITIALIZED,
  REGISTRY_NOT_INITIALIZED,
  CHANGE_NOT_FOUND,
  CHANGE_CONFLICT,
  CHANGE_ALREADY_DECIDED,
  CHANGE_ALREADY_APPROVED,

  // Orders and their confidential terms.
  ORDER_NOT_FOUND,
  ORDER_CONFLICT,
  ORDER_INVALID_TRANSITION,
  /** Shipments, policies and payments need an ACCEPTED order. */
  ORDER_NOT_ACCEPTED,
  ORDER_NOT_COMPLETABLE,
  TERMS_NOT_PROVIDED,
  TERMS_HASH_MISMATCH,
  TERMS_NOT_STORED,
  /**
   * The confidential terms do not price every order line exactly once in the order's currency (or a
   * charge is in another currency).
   */
  TERMS_LINES_MISPRICED,
  /**
   * The confidential terms' priced total less the discount plus the itemised charges is not the
   * order's total value.
   */
  TERMS_TOTAL_MISMATCH,
  /** A requested delivery date or planned departure is already over everywhere on Earth. */
  DATE_IN_PAST,

  // Incoterms 2020.
  /** FAS, FOB, CFR and CIF shipments travel by sea or inland waterway. */
  INCOTERM_MODE_NOT_ALLOWED,
  /**
   * The named place of FAS and FOB is the port of loading, of CFR and CIF the port of discharge.
   */
  INCOTERM_PLACE_MISMATCH,

  // Payment milestones.
  MILESTONE_NOT_FOUND,
  /**
   * No longer returned: payment before the trigger is allowed (early payment). Kept because codes
   * are never reused.
   */
  MILESTONE_NOT_DUE,
  MILESTONE_INVALID_TRANSITION,

  // Shipments and their events.
  SHIPMENT_NOT_FOUND,
  SHIPMENT_CONFLICT,
  SHIPMENT_INVALID_TRANSITION,
  EVENT_NOT_FOUND,
  EVENT_CONFLICT,
  EVENT_ALREADY_RETRACTED,
  /** The order's shipments together would move more of an order line than was ordered. */
  SHIPMENT_QUANTITY_EXCEEDS_ORDER,
  /** An ACTUAL event is dated after the transaction time (beyond the stated tolerance). */
  EVENT_IN_FUTURE,
  /** The shipment's first ACTUAL departure is not at its port of loading. */
  EVENT_LOCATION_INVALID,
  /** An arrival before the departure, or a delivery before the arrival at the port of discharge. */
  EVENT_OUT_OF_SEQUENCE,
  /** A retraction names an event of another type, code or container. */
  EVENT_RETRACTION_MISMATCH,
  /** The retraction would move back a shipment of a COMPLETED order. */
  EVENT_NOT_RETRACTABLE,

  // Customs.
  DECLARATION_NOT_FOUND,
  DECLARATION_CONFLICT,
  DECLARATION_INVALID_TRANSITION,
  /** Only the customs authority of the country of import decides an import declaration. */
  CUSTOMS_NOT_COUNTRY_OF_IMPORT,
  /** Every declared HS code is an order line's code, at least to its six-digit subheading. */
  DECLARATION_HS_CODE_MISMATCH,
  MANDATE_NOT_FOUND,

  // Insurance.
  POLICY_NOT_FOUND,
  POLICY_CONFLICT,
  POLICY_COVER_INSUFFICIENT,
  CLAIM_NOT_FOUND,
  CLAIM_CONFLICT,
  CLAIM_INVALID_TRANSITION,
  /** A claim, with the policy's approved and settled claims, would exceed the cover. */
  CLAIM_AMOUNT_EXCEEDS_COVER,
  /** Under CIF and CIP the buyer must be able to claim directly: insured or a beneficiary. */
  POLICY_BUYER_CANNOT_CLAIM,
  /** A policy issued after departure must state that cover attaches from shipment. */
  POLICY_MUST_ATTACH_FROM_SHIPMENT,
  /** No policy is issued once its shipment has arrived. */
  POLICY_AFTER_ARRIVAL,

  // Documents.
  DOCUMENT_NOT_FOUND,
  DOCUMENT_CONFLICT,
  DOCUMENT_ALREADY_SUPERSEDED,
  /**
   * The caller may not anchor a document of this type: a bill of lading is the shipment's
   * carrier's, an invoice, packing list or certificate of origin the seller's, an insurance
   * certificate the policy's insurer's, a customs declaration the declarant's or customs'.
   */
  DOCUMENT_ISSUER_NOT_ENTITLED,
  /** A document supersedes only one of the same type and the same subject (order or shipment). */
  DOCUMENT_SUPERSEDE_MISMATCH;

  /**
   * An exception carrying this code, ready to be thrown: a {@link ContractViolation} unless the
   * runtime registered its own {@link ViolationFactory} (the chaincode does: only a Fabric
   * ChaincodeException's message reaches clients). The message is {@code CODE: detail} either way.
   */
  public RuntimeException exception(String format, Object... arguments) {
    return new Violation(this, String.format(java.util.Locale.ROOT, format, arguments)).exception();
  }
}
