package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The contract's request documents (docs/CONTRACT.md), as records that {@link Json} writes. Absent
 * optional values are {@code null} and left out of the JSON.
 */
public final class Requests {
  private Requests() {}

  public record Money(long amount, String currency) {}

  public record OrderLine(String hsCode, String description, long quantity, String unit) {}

  public record MilestoneTerms(
      String milestoneId, int shareBasisPoints, String trigger, int daysDue) {}

  public record OrderProposal(
      String orderId,
      String sellerMsp,
      List<OrderLine> lines,
      String incoterm,
      String incotermPlace,
      String origin,
      String destination,
      String requestedDeliveryDate,
      Money totalValue,
      String termsHash,
      List<MilestoneTerms> milestones) {}

  public record LinePrice(int line, Money unitPrice) {}

  /** A charge the seller itemises in the terms (freight, insurance, ...). */
  public record Charge(String description, Money amount) {}

  /**
   * Confidential terms. {@link #canonical()} is the exact byte form whose SHA-256 is the order's
   * termsHash: sorted properties, no white space.
   */
  public record ConfidentialTerms(
      String salt,
      List<LinePrice> linePrices,
      int discountBasisPoints,
      List<Charge> charges,
      List<String> clauses) {
    public byte[] canonical() {
      return Json.write(this).getBytes(UTF_8);
    }

    public String sha256() {
      return Requests.sha256(canonical());
    }
  }

  public record Payment(String orderId, String milestoneId, String paymentReference) {}

  public record MilestoneReference(String orderId, String milestoneId) {}

  /** How much of one order line (1-based) a shipment moves. */
  public record ShipmentLine(int line, long quantity) {}

  public record Booking(
      String shipmentId,
      String orderId,
      String carrierMsp,
      String mode,
      String transportDocumentNumber,
      List<String> containers,
      String portOfLoading,
      String portOfDischarge,
      String plannedDeparture,
      String plannedArrival,
      List<ShipmentLine> lines) {}

  public record EventReport(
      String eventId,
      String shipmentId,
      String eventType,
      String eventCode,
      String eventClassifier,
      String location,
      String eventDateTime,
      String equipmentReference,
      String retractsEventId,
      String remarks) {}

  public record EventBatch(String shipmentId, List<EventReport> events) {}

  public record DeclarationFiling(
      String declarationId,
      String shipmentId,
      String customsMsp,
      Money declaredValue,
      List<String> hsCodes) {}

  public record CustomsDecision(
      String declarationId, String decision, Money assessedDuties, String reason) {}

  public record PolicyIssue(
      String policyId,
      String shipmentId,
      String insuredMsp,
      List<String> beneficiaryMsps,
      Money coverAmount,
      String clauses,
      Boolean attachesFromShipment,
      String certificateHash) {}

  public record ClaimFiling(
      String claimId,
      String policyId,
      Money amount,
      String description,
      List<String> evidenceHashes) {}

  public record ClaimDecision(
      String claimId, String decision, Money settledAmount, String reason) {}

  public record DocumentAnchor(
      String documentId,
      String documentType,
      String sha256,
      String orderId,
      String shipmentId,
      String supersedesDocumentId) {}

  public record HistoryRequest(String recordType, String id, String parentId) {}

  /** Lower-case hex SHA-256, as the contract writes hashes. */
  public static String sha256(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String value) {
    return sha256(value.getBytes(UTF_8));
  }
}
