package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A purchase order between a buyer (importer) and a seller (exporter), as stored on the shared
 * ledger. {@code termsHash} is the SHA-256 of the canonical confidential terms (prices, discounts,
 * clauses, salt), whose copies only the buyer and the seller keep in their implicit collections.
 * {@code status} holds only stored statuses; {@code acceptedAt} is the acceptance's transaction
 * time.
 */
public record Order(
    String orderId,
    String buyerMsp,
    String sellerMsp,
    List<OrderLine> lines,
    Incoterm incoterm,
    String origin,
    String destination,
    LocalDate requestedDeliveryDate,
    Money totalValue,
    String termsHash,
    List<MilestoneTerms> milestones,
    OrderStatus status,
    String statusReason,
    Instant acceptedAt,
    Audit audit) {
  public Order {
    Checks.id("orderId", orderId);
    Checks.mspId("buyerMsp", buyerMsp);
    Checks.mspId("sellerMsp", sellerMsp);
    lines = Checks.list("lines", lines, 1, 100);
    Checks.present("incoterm", incoterm);
    Checks.locode("origin", origin);
    Checks.locode("destination", destination);
    Checks.present("requestedDeliveryDate", requestedDeliveryDate);
    Checks.present("totalValue", totalValue).positive("totalValue");
    Checks.sha256("termsHash", termsHash);
    milestones = Checks.list("milestones", milestones, 1, 20);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  /** Whether {@code mspId} is the buyer or the seller. */
  public boolean isParty(String mspId) {
    return buyerMsp.equals(mspId) || sellerMsp.equals(mspId);
  }
}
