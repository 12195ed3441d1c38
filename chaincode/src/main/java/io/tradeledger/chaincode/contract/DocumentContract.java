package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Checks;
import io.tradeledger.chaincode.domain.Document;
import io.tradeledger.chaincode.domain.DocumentAnchor;
import io.tradeledger.chaincode.domain.DocumentType;
import io.tradeledger.chaincode.errors.ErrorCode;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.DocumentRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Trade documents anchored by their SHA-256: any party of a trade anchors, anyone in the consortium
 * verifies. A document is endorsed by its issuer alone once anchored.
 */
@Contract(name = "documents", info = @Info(title = "Trade Ledger documents", version = "1.0"))
public final class DocumentContract implements ContractInterface {

  /** What verification tells about one anchoring of a hash. */
  public record Anchoring(
      String documentId,
      DocumentType documentType,
      String issuerMsp,
      Instant anchoredAt,
      boolean superseded,
      String supersededBy) {}

  /** Whether a hash is anchored, and each anchoring. */
  public record Verification(String sha256, boolean anchored, List<Anchoring> documents) {}

  /** A document as read, with whether a later document superseded it. */
  public record DocumentView(Document document, boolean superseded, String supersededBy) {}

  /**
   * Anchors a document's hash for an order or shipment the caller may read; the caller is its
   * issuer.
   *
   * @param anchorJson {@code {documentId, documentType, sha256, orderId | shipmentId,
   *     supersedesDocumentId?}}
   * @return the document as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     ORDER_NOT_FOUND / SHIPMENT_NOT_FOUND, DOCUMENT_NOT_FOUND (superseded one), ACCESS_DENIED
   *     (superseding another issuer's document), DOCUMENT_ALREADY_SUPERSEDED, DOCUMENT_CONFLICT,
   *     INVALID_INPUT (superseding a document of another order)
   */
  @Transaction(name = "AnchorDocument", intent = Transaction.TYPE.SUBMIT)
  public String anchorDocument(Context context, String anchorJson) {
    Tx tx = Tx.of(context);
    DocumentAnchor anchor = CanonicalJson.parse(anchorJson, DocumentAnchor.class);
    Access.member(tx);
    String orderId =
        anchor.shipmentId() != null
            ? ShipmentContract.readable(tx, anchor.shipmentId()).orderId()
            : Trades.readable(tx, anchor.orderId()).orderId();
    DocumentRepository documents = new DocumentRepository(tx.state());
    Optional<Document> existing = documents.find(anchor.documentId());
    if (existing.isPresent()) {
      if (existing.get().issuerMsp().equals(tx.callerMsp())
          && existing.get().anchor().equals(anchor)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.DOCUMENT_CONFLICT.exception(
          "document %s exists with different content", anchor.documentId());
    }
    if (anchor.supersedesDocumentId() != null) {
      checkSupersedable(tx, documents, anchor.supersedesDocumentId(), orderId);
    }
    Document document = Document.anchor(anchor, orderId, Audit.created(tx.caller(), tx.now()));
    documents.create(document);
    tx.state().endorsedByAll(documents.key(document.documentId()), List.of(document.issuerMsp()));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("documentId", document.documentId());
    ids.put("orderId", orderId);
    if (anchor.supersedesDocumentId() != null) {
      ids.put("supersedesDocumentId", anchor.supersedesDocumentId());
    }
    tx.emit("DocumentAnchored", ids);
    return CanonicalJson.write(document);
  }

  /**
   * Whether a document hash is anchored, by whom, when, and whether superseded. Open to every
   * registered member; it names no order or shipment.
   *
   * @param sha256 lower-case hex SHA-256 of the file
   * @return {@code {sha256, anchored, documents: [{documentId, documentType, issuerMsp, anchoredAt,
   *     superseded, supersededBy?}]}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT
   */
  @Transaction(name = "VerifyDocument", intent = Transaction.TYPE.EVALUATE)
  public String verifyDocument(Context context, String sha256) {
    Tx tx = Tx.of(context);
    Checks.sha256("sha256", sha256);
    Access.member(tx);
    DocumentRepository documents = new DocumentRepository(tx.state());
    List<Anchoring> anchorings =
        documents.findByHash(sha256).stream()
            .sorted(Comparator.comparing(Document::anchoredAt).thenComparing(Document::documentId))
            .map(
                document -> {
                  Optional<String> successor = documents.supersededBy(document.documentId());
                  return new Anchoring(
                      document.documentId(),
                      document.documentType(),
                      document.issuerMsp(),
                      document.anchoredAt(),
                      successor.isPresent(),
                      successor.orElse(null));
                })
            .toList();
    return CanonicalJson.write(new Verification(sha256, !anchorings.isEmpty(), anchorings));
  }

  /**
   * One document with whether it was superseded.
   *
   * @return {@code {document, superseded, supersededBy?}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, DOCUMENT_NOT_FOUND
   */
  @Transaction(name = "GetDocument", intent = Transaction.TYPE.EVALUATE)
  public String getDocument(Context context, String documentId) {
    Tx tx = Tx.of(context);
    Checks.id("documentId", documentId);
    DocumentRepository documents = new DocumentRepository(tx.state());
    Document document =
        documents
            .find(documentId)
            .filter(found -> TradeAccess.canRead(tx, found.orderId()))
            .orElseThrow(
                () -> ErrorCode.DOCUMENT_NOT_FOUND.exception("no document %s", documentId));
    return CanonicalJson.write(view(documents, document));
  }

  /**
   * The documents of an order and its shipments, by anchoring time then id.
   *
   * @return JSON array of {@code {document, superseded, supersededBy?}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND
   */
  @Transaction(name = "ListDocuments", intent = Transaction.TYPE.EVALUATE)
  public String listDocuments(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Trades.readable(tx, orderId);
    DocumentRepository documents = new DocumentRepository(tx.state());
    return CanonicalJson.write(
        documents.findByOrder(orderId).stream()
            .sorted(Comparator.comparing(Document::anchoredAt).thenComparing(Document::documentId))
            .map(document -> view(documents, document))
            .toList());
  }

  private static DocumentView view(DocumentRepository documents, Document document) {
    Optional<String> successor = documents.supersededBy(document.documentId());
    return new DocumentView(document, successor.isPresent(), successor.orElse(null));
  }

  private static void checkSupersedable(
      Tx tx, DocumentRepository documents, String documentId, String orderId) {
    Document earlier =
        documents
            .find(documentId)
            .filter(found -> TradeAccess.canRead(tx, found.orderId()))
            .orElseThrow(
                () -> ErrorCode.DOCUMENT_NOT_FOUND.exception("no document %s", documentId));
    // A successor in another trade would point that trade's readers at a record they cannot open.
    if (!earlier.orderId().equals(orderId)) {
      throw Checks.invalid(
          "supersedesDocumentId",
          "names a document of order " + earlier.orderId() + ", not of order " + orderId);
    }
    if (!earlier.issuerMsp().equals(tx.callerMsp())) {
      throw ErrorCode.ACCESS_DENIED.exception(
          "only %s, the issuer of document %s, may supersede it", earlier.issuerMsp(), documentId);
    }
    Optional<String> successor = documents.supersededBy(documentId);
    if (successor.isPresent()) {
      throw ErrorCode.DOCUMENT_ALREADY_SUPERSEDED.exception(
          "document %s is already superseded by %s", documentId, successor.get());
    }
  }
}
