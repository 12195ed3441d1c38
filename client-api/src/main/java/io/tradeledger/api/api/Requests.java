package io.tradeledger.api.api;

import io.tradeledger.api.api.Types.ClaimDecision;
import io.tradeledger.api.api.Types.DeclarationDecision;
import io.tradeledger.api.api.Types.DocumentType;
import io.tradeledger.api.api.Types.EmptyIndicator;
import io.tradeledger.api.api.Types.EventClassifier;
import io.tradeledger.api.api.Types.EventType;
import io.tradeledger.api.api.Types.IccClause;
import io.tradeledger.api.api.Types.Incoterm;
import io.tradeledger.api.api.Types.MilestoneTrigger;
import io.tradeledger.api.api.Types.ParticipantRole;
import io.tradeledger.api.api.Types.TransportMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies. They fix the shape (unknown properties and enum values are 400); the contract
 * validates the values (422 with its INVALID_INPUT code).
 */
public final class Requests {
  private Requests() {}

  public record Money(long amount, String currency) {}

  public record OrderLine(String hsCode, String description, long quantity, String unit) {}

  /**
   * A payment milestone; {@code proRata} (optional, shipment triggers only) lets it fall due in
   * part as split shipments reach the trigger.
   */
  public record Milestone(
      String milestoneId,
      int shareBasisPoints,
      MilestoneTrigger trigger,
      int daysDue,
      Boolean proRata) {}

  public record LinePrice(int line, Money unitPrice) {}

  /** An amount the seller adds to the discounted goods, itemised: freight, insurance, packing. */
  public record Charge(String description, Money amount) {}

  /**
   * Confidential terms as the buyer states them. The service salts them with {@code salt} when
   * given (32 to 128 characters of [A-Za-z0-9_-], kept secret), which makes a retried proposal safe
   * even if the first response was lost; otherwise it draws a random salt. The contract holds them
   * to the order: every line priced once in the order's currency, and the priced total less the
   * discount plus the charges equal to the order's total value.
   */
  public record Terms(
      List<LinePrice> linePrices,
      int discountBasisPoints,
      List<String> clauses,
      String salt,
      List<Charge> charges) {
    public Terms {
      linePrices = linePrices == null ? List.of() : List.copyOf(linePrices);
      clauses = clauses == null ? List.of() : List.copyOf(clauses);
      charges = orAbsent(charges);
    }

    /** The terms with their own salt, or {@code fallback} when they have none. */
    public SaltedTerms salted(String fallback) {
      return new SaltedTerms(
          salt == null ? fallback : salt, linePrices, discountBasisPoints, clauses, charges);
    }
  }

  /** Confidential terms with their salt, exactly as both parties store them. */
  public record SaltedTerms(
      String salt,
      List<LinePrice> linePrices,
      int discountBasisPoints,
      List<String> clauses,
      List<Charge> charges) {
    public SaltedTerms {
      linePrices = linePrices == null ? List.of() : List.copyOf(linePrices);
      clauses = clauses == null ? List.of() : List.copyOf(clauses);
      charges = orAbsent(charges);
    }
  }

  /** No charges are absent, never an empty list: the contract's canonical form leaves them out. */
  private static List<Charge> orAbsent(List<Charge> charges) {
    return charges == null || charges.isEmpty() ? null : List.copyOf(charges);
  }

  public record ProposeOrder(
      String orderId,
      String sellerMsp,
      List<OrderLine> lines,
      Incoterm incoterm,
      String incotermPlace,
      Boolean sellerContractsCarriage,
      String origin,
      String destination,
      LocalDate requestedDeliveryDate,
      Money totalValue,
      List<Milestone> milestones,
      Terms terms) {}

  /** The public order sent to the contract: the proposal with the terms replaced by their hash. */
  public record OrderProposal(
      String orderId,
      String sellerMsp,
      List<OrderLine> lines,
      Incoterm incoterm,
      String incotermPlace,
      Boolean sellerContractsCarriage,
      String origin,
      String destination,
      LocalDate requestedDeliveryDate,
      Money totalValue,
      String termsHash,
      List<Milestone> milestones) {
    public static OrderProposal of(ProposeOrder order, String termsHash) {
      return new OrderProposal(
          order.orderId(),
          order.sellerMsp(),
          order.lines(),
          order.incoterm(),
          order.incotermPlace(),
          order.sellerContractsCarriage(),
          order.origin(),
          order.destination(),
          order.requestedDeliveryDate(),
          order.totalValue(),
          termsHash,
          order.milestones());
    }
  }

  public record Reason(String reason) {}

  public record Payment(String paymentReference) {}

  public record BookShipment(
      String shipmentId,
      String orderId,
      String carrierMsp,
      TransportMode mode,
      String transportDocumentNumber,
      List<String> containers,
      String portOfLoading,
      String portOfDischarge,
      LocalDate plannedDeparture,
      LocalDate plannedArrival,
      List<ShipmentLine> lines) {}

  /** How much of an order line (1-based) a shipment moves. */
  public record ShipmentLine(int line, long quantity) {}

  public record ShipmentEvent(
      String eventId,
      String shipmentId,
      EventType eventType,
      String eventCode,
      EventClassifier eventClassifier,
      String location,
      Instant eventDateTime,
      String equipmentReference,
      String retractsEventId,
      String remarks,
      EmptyIndicator emptyIndicatorCode) {}

  public record EventBatch(List<ShipmentEvent> events) {}

  public record FileDeclaration(
      String declarationId,
      String shipmentId,
      String customsMsp,
      Money declaredValue,
      List<String> hsCodes) {}

  public record DecideDeclaration(
      DeclarationDecision decision, Money assessedDuties, String reason) {}

  public record IssuePolicy(
      String policyId,
      String shipmentId,
      String insuredMsp,
      List<String> beneficiaryMsps,
      Money coverAmount,
      IccClause clauses,
      Boolean attachesFromShipment,
      String certificateHash) {}

  public record FileClaim(
      String claimId,
      String policyId,
      Money amount,
      String description,
      List<String> evidenceHashes) {}

  public record DecideClaim(ClaimDecision decision, Money settledAmount, String reason) {}

  public record AnchorDocument(
      String documentId,
      DocumentType documentType,
      String sha256,
      String orderId,
      String shipmentId,
      String supersedesDocumentId) {}

  public record Participant(
      String mspId, String legalName, String country, List<ParticipantRole> roles) {}

  public record ParticipantChange(String changeId, Participant participant) {}
}
