package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.CustomsDeclaration;
import io.tradeledger.chaincode.domain.Document;
import io.tradeledger.chaincode.domain.DocumentIssuers;
import io.tradeledger.chaincode.domain.InsurancePolicy;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.DeclarationRepository;
import io.tradeledger.chaincode.state.DocumentRepository;
import io.tradeledger.chaincode.state.PolicyRepository;
import io.tradeledger.chaincode.state.ShipmentRepository;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Trade documents anchored by their SHA-256: the party trade practice makes responsible for a
 * document anchors it, anyone in the consortium verifies. A document is endorsed by its issuer
 * alone once anchored.
 */
@Contract(
    name = ContractNames.DOCUMENTS,
    info = @Info(title = "Trade Ledger documents", version = "1.0"))
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
   * issuer, and must be entitled to issue that type: BILL_OF_LADING the shipment's carrier (linked
   * to the shipment); COMMERCIAL_INVOICE, PACKING_LIST and CERTIFICATE_OF_ORIGIN the seller;
   * INSURANCE_CERTIFICATE the insurer of a policy on the shipment (or on a shipment of the order);
   * CUSTOMS_DECLARATION the declarant, importer or customs authority of a declaration on it; OTHER
   * any reader of the trade.
   *
   * @param anchorJson {@code {documentId, documentType, sha256, orderId | shipmentId,
   *     supersedesDocumentId?}}
   * @return the document as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (also a BILL_OF_LADING
   *     without shipmentId), NOT_A_PARTICIPANT, ORDER_NOT_FOUND / SHIPMENT_NOT_FOUND,
   *     DOCUMENT_ISSUER_NOT_ENTITLED, DOCUMENT_NOT_FOUND (superseded one),
   *     DOCUMENT_SUPERSEDE_MISMATCH (superseding a document of another type, order or shipment),
   *     ACCESS_DENIED (superseding another issuer's document), DOCUMENT_ALREADY_SUPERSEDED,
   *     DOCUMENT_CONFLICT
   */
  @Transaction(name = TransactionNames.ANCHOR_DOCUMENT, intent = Transaction.TYPE.SUBMIT)
  public String anchorDocument(Context context, String anchorJson) {
    Tx tx = Tx.of(context);
    DocumentAnchor anchor = CanonicalJson.parse(anchorJson, DocumentAnchor.class);
    Access.member(tx);
    Shipment shipment =
        anchor.shipmentId() != null ? Trades.readableShipment(tx, anchor.shipmentId()) : null;
    Order order = Trades.readable(tx, shipment != null ? shipment.orderId() : anchor.orderId());
    String orderId = order.orderId();
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
    checkIssuer(tx, anchor, order, shipment);
    if (anchor.supersedesDocumentId() != null) {
      checkSupersedable(tx, documents, anchor, orderId);
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
  @Transaction(name = TransactionNames.VERIFY_DOCUMENT, intent = Transaction.TYPE.EVALUATE)
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
  @Transaction(name = TransactionNames.GET_DOCUMENT, intent = Transaction.TYPE.EVALUATE)
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
  @Transaction(name = TransactionNames.LIST_DOCUMENTS, intent = Transaction.TYPE.EVALUATE)
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

  /**
   * Who may anchor which document ({@link DocumentIssuers}); a bill of lading is linked to its
   * shipment.
   */
  private static void checkIssuer(Tx tx, DocumentAnchor anchor, Order order, Shipment shipment) {
    if (anchor.documentType() == DocumentType.BILL_OF_LADING && shipment == null) {
      throw Checks.invalid("shipmentId", "is required: a BILL_OF_LADING evidences one shipment");
    }
    List<Shipment> shipments =
        shipment != null
            ? List.of(shipment)
            : new ShipmentRepository(tx.state()).findByOrder(order.orderId());
    List<InsurancePolicy> policies = new ArrayList<>();
    List<CustomsDeclaration> declarations = new ArrayList<>();
    if (anchor.documentType() == DocumentType.INSURANCE_CERTIFICATE) {
      PolicyRepository repository = new PolicyRepository(tx.state());
      shipments.forEach(s -> policies.addAll(repository.findByShipment(s.shipmentId())));
    }
    if (anchor.documentType() == DocumentType.CUSTOMS_DECLARATION) {
      DeclarationRepository repository = new DeclarationRepository(tx.state());
      shipments.forEach(s -> declarations.addAll(repository.findByShipment(s.shipmentId())));
    }
    Optional<Set<String>> entitled =
        DocumentIssuers.entitled(anchor.documentType(), order, shipments, policies, declarations);
    if (entitled.isPresent() && !entitled.get().contains(tx.callerMsp())) {
      throw ErrorCode.DOCUMENT_ISSUER_NOT_ENTITLED.exception(
          "%s may not anchor a %s for %s; entitled: %s",
          tx.callerMsp(),
          anchor.documentType(),
          shipment != null ? "shipment " + shipment.shipmentId() : "order " + order.orderId(),
          entitled.get().isEmpty() ? "nobody yet" : String.join(", ", entitled.get()));
    }
  }

  private static void checkSupersedable(
      Tx tx, DocumentRepository documents, DocumentAnchor anchor, String orderId) {
    String documentId = anchor.supersedesDocumentId();
    Document earlier =
        documents
            .find(documentId)
            .filter(found -> TradeAccess.canRead(tx, found.orderId()))
            .orElseThrow(
                () -> ErrorCode.DOCUMENT_NOT_FOUND.exception("no document %s", documentId));
    // A successor in another trade would point that trade's readers at a record they cannot open;
    // one of another type or subject would silently withdraw a document it does not replace.
    if (!earlier.orderId().equals(orderId)
        || !Objects.equals(earlier.shipmentId(), anchor.shipmentId())
        || earlier.documentType() != anchor.documentType()) {
      throw ErrorCode.DOCUMENT_SUPERSEDE_MISMATCH.exception(
          "document %s is a %s of %s; a %s of %s cannot supersede it",
          documentId,
          earlier.documentType(),
          subject(earlier.orderId(), earlier.shipmentId()),
          anchor.documentType(),
          subject(orderId, anchor.shipmentId()));
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

  private static String subject(String orderId, String shipmentId) {
    return shipmentId != null ? "shipment " + shipmentId : "order " + orderId;
  }
}
