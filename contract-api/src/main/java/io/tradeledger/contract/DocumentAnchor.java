package io.tradeledger.contract;

/**
 * A request to anchor a document's SHA-256, linked to exactly one order or shipment, optionally
 * superseding an earlier document of the same issuer.
 */
public record DocumentAnchor(
    String documentId,
    DocumentType documentType,
    String sha256,
    String orderId,
    String shipmentId,
    String supersedesDocumentId) {
  public DocumentAnchor {
    Checks.id("documentId", documentId);
    Checks.present("documentType", documentType);
    Checks.sha256("sha256", sha256);
    if ((orderId == null) == (shipmentId == null)) {
      throw Checks.invalid("orderId", "or shipmentId: exactly one must be given");
    }
    if (orderId != null) {
      Checks.id("orderId", orderId);
    } else {
      Checks.id("shipmentId", shipmentId);
    }
    if (supersedesDocumentId != null) {
      Checks.id("supersedesDocumentId", supersedesDocumentId);
      if (supersedesDocumentId.equals(documentId)) {
        throw Checks.invalid("supersedesDocumentId", "must name another document");
      }
    }
  }
}
