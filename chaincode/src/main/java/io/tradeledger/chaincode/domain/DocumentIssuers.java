package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.DocumentType;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who may anchor which trade document, as trade practice assigns them: the bill of lading is issued
 * by the carrier of the shipment it evidences; the commercial invoice, packing list and certificate
 * of origin come from the seller; the insurance certificate from the insurer of the policy it
 * certifies; the customs declaration from the declarant or the customs authority deciding it. Any
 * other document ({@link DocumentType#OTHER}) may be anchored by any reader of the trade.
 */
public final class DocumentIssuers {
  private DocumentIssuers() {}

  /**
   * The organizations entitled to anchor a document of {@code type} about a subject, or empty when
   * any reader of the trade may.
   *
   * @param order the order the document belongs to
   * @param shipments the shipment the document is linked to, or every shipment of the order for a
   *     document linked to the order
   * @param policies the insurance policies on those shipments
   * @param declarations the customs declarations of those shipments
   */
  public static Optional<Set<String>> entitled(
      DocumentType type,
      Order order,
      List<Shipment> shipments,
      List<InsurancePolicy> policies,
      List<CustomsDeclaration> declarations) {
    SortedSet<String> issuers = new TreeSet<>();
    switch (type) {
      case BILL_OF_LADING -> shipments.forEach(shipment -> issuers.add(shipment.carrierMsp()));
      case COMMERCIAL_INVOICE, PACKING_LIST, CERTIFICATE_OF_ORIGIN ->
          issuers.add(order.sellerMsp());
      case INSURANCE_CERTIFICATE -> policies.forEach(policy -> issuers.add(policy.insurerMsp()));
      case CUSTOMS_DECLARATION ->
          declarations.forEach(
              declaration -> {
                issuers.add(declaration.audit().createdBy().mspId());
                issuers.add(declaration.importerMsp());
                issuers.add(declaration.customsMsp());
              });
      case OTHER -> {
        return Optional.empty();
      }
    }
    // Sorted, so that every peer words a refusal the same way.
    return Optional.of(Collections.unmodifiableSortedSet(issuers));
  }
}
