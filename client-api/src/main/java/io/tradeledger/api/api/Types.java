package io.tradeledger.api.api;

/**
 * The enumerations of the contract, so that an unknown value is rejected (400) before a transaction
 * is attempted.
 */
public final class Types {
  private Types() {}

  public enum Incoterm {
    EXW,
    FCA,
    CPT,
    CIP,
    DAP,
    DPU,
    DDP,
    FAS,
    FOB,
    CFR,
    CIF
  }

  public enum MilestoneTrigger {
    ACCEPTANCE,
    DEPARTURE,
    ARRIVAL,
    CUSTOMS_RELEASE,
    DELIVERY
  }

  public enum TransportMode {
    SEA,
    AIR,
    ROAD,
    RAIL,
    INLAND_WATERWAY
  }

  public enum EventType {
    TRANSPORT,
    EQUIPMENT,
    SHIPMENT
  }

  public enum EventClassifier {
    ACTUAL,
    ESTIMATED,
    PLANNED
  }

  public enum EmptyIndicator {
    EMPTY,
    LADEN
  }

  public enum DeclarationDecision {
    SELECTED_FOR_INSPECTION,
    RELEASED,
    REJECTED
  }

  public enum IccClause {
    ICC_A,
    ICC_B,
    ICC_C
  }

  public enum ClaimDecision {
    APPROVED,
    REJECTED,
    SETTLED
  }

  public enum DocumentType {
    BILL_OF_LADING,
    COMMERCIAL_INVOICE,
    PACKING_LIST,
    CERTIFICATE_OF_ORIGIN,
    INSURANCE_CERTIFICATE,
    CUSTOMS_DECLARATION,
    OTHER
  }

  public enum RecordType {
    PARTICIPANT,
    ORDER,
    MILESTONE,
    SHIPMENT,
    SHIPMENT_EVENT,
    DECLARATION,
    POLICY,
    CLAIM,
    DOCUMENT
  }

  public enum ParticipantRole {
    EXPORTER,
    IMPORTER,
    CARRIER,
    CUSTOMS,
    INSURER
  }
}
