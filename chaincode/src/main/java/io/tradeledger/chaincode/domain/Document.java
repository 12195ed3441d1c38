package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import java.time.Instant;
import java.util.Objects;

/**
 * An anchored trade document: its SHA-256 (the file stays off chain), who issued it and when, and
 * the order (and shipment) it belongs to. Superseded-ness is derived when read, never written into
 * the earlier document.
 */
public record Document(
    String documentId,
    DocumentType documentType,
    String sha256,
    String orderId,
    String shipmentId,
    String issuerMsp,
    String supersedesDocumentId,
    Instant anchoredAt,
    Audit audit) {
  public Document {
    Checks.id("documentId", documentId);
    Objects.requireNonNull(documentType, "documentType");
    Checks.sha256("sha256", sha256);
    Checks.id("orderId", orderId);
    Objects.requireNonNull(issuerMsp, "issuerMsp");
    Objects.requireNonNull(anchoredAt, "anchoredAt");
    Objects.requireNonNull(audit, "audit");
  }

  public static Document anchor(DocumentAnchor anchor, String orderId, Audit audit) {
    return new Document(
        anchor.documentId(),
        anchor.documentType(),
        anchor.sha256(),
        orderId,
        anchor.shipmentId(),
        audit.createdBy().mspId(),
        anchor.supersedesDocumentId(),
        audit.createdAt(),
        audit);
  }

  /** The request this document was anchored from, to recognise a repeated anchoring. */
  public DocumentAnchor anchor() {
    return new DocumentAnchor(
        documentId,
        documentType,
        sha256,
        shipmentId == null ? orderId : null,
        shipmentId,
        supersedesDocumentId);
  }
}
