package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Document;
import java.util.List;
import java.util.Optional;

/**
 * Documents under {@code document/<documentId>}, with the indexes {@code
 * document-hash/<sha256>/<documentId>}, {@code order-document/<orderId>/<documentId>}, {@code
 * shipment-document/<shipmentId>/<documentId>} and {@code document-supersede/<old>/<new>}.
 */
public final class DocumentRepository {
  static final String DOCUMENT = "document";
  static final String BY_HASH = "document-hash";
  static final String BY_ORDER = "order-document";
  static final String BY_SHIPMENT = "shipment-document";
  static final String SUPERSEDED = "document-supersede";

  private final LedgerState state;

  public DocumentRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Document> find(String documentId) {
    return state.get(key(documentId), Document.class);
  }

  public List<Document> findByHash(String sha256) {
    return load(state.indexed(BY_HASH, sha256));
  }

  public List<Document> findByOrder(String orderId) {
    return load(idsByOrder(orderId));
  }

  /** The ids of the order's documents, in document id order. */
  List<String> idsByOrder(String orderId) {
    return state.indexed(BY_ORDER, orderId);
  }

  /** The document that superseded this one, if any. */
  public Optional<String> supersededBy(String documentId) {
    return state.indexed(SUPERSEDED, documentId).stream().findFirst();
  }

  /** Saves a new document with its index entries. */
  public void create(Document document) {
    state.put(key(document.documentId()), document);
    state.index(BY_HASH, document.sha256(), document.documentId());
    state.index(BY_ORDER, document.orderId(), document.documentId());
    if (document.shipmentId() != null) {
      state.index(BY_SHIPMENT, document.shipmentId(), document.documentId());
    }
    if (document.supersedesDocumentId() != null) {
      state.index(SUPERSEDED, document.supersedesDocumentId(), document.documentId());
    }
  }

  public String key(String documentId) {
    return state.key(DOCUMENT, documentId);
  }

  private List<Document> load(List<String> documentIds) {
    return documentIds.stream().map(this::find).flatMap(Optional::stream).toList();
  }
}
