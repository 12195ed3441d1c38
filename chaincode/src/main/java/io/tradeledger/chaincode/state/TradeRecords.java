package io.tradeledger.chaincode.state;

import io.tradeledger.contract.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each kind of record is stored, as the audit reads need it: the key of any record by its
 * type and ids, and every record of one trade found through the repositories' indexes. The key
 * layout itself belongs to the repositories; this class only asks them.
 */
public final class TradeRecords {
  /** One stored record: its type, its parent's id (a milestone's order, an event's shipment). */
  public record Reference(RecordType type, String parentId, String recordId, String key) {}

  private final OrderRepository orders;
  private final MilestoneRepository milestones;
  private final DocumentRepository documents;
  private final ShipmentRepository shipments;
  private final ShipmentEventRepository events;
  private final DeclarationRepository declarations;
  private final PolicyRepository policies;
  private final ClaimRepository claims;
  private final ParticipantRepository participants;

  public TradeRecords(LedgerState state) {
    this.orders = new OrderRepository(state);
    this.milestones = new MilestoneRepository(state);
    this.documents = new DocumentRepository(state);
    this.shipments = new ShipmentRepository(state);
    this.events = new ShipmentEventRepository(state);
    this.declarations = new DeclarationRepository(state);
    this.policies = new PolicyRepository(state);
    this.claims = new ClaimRepository(state);
    this.participants = new ParticipantRepository(state);
  }

  /** The key of a record; {@code parentId} only for types that have a parent, else ignored. */
  public String key(RecordType type, String parentId, String recordId) {
    return switch (type) {
      case PARTICIPANT -> participants.key(recordId);
      case ORDER -> orders.key(recordId);
      case MILESTONE -> milestones.key(parentId, recordId);
      case SHIPMENT -> shipments.key(recordId);
      case SHIPMENT_EVENT -> events.key(parentId, recordId);
      case DECLARATION -> declarations.key(recordId);
      case POLICY -> policies.key(recordId);
      case CLAIM -> claims.key(recordId);
      case DOCUMENT -> documents.key(recordId);
    };
  }

  /**
   * Every record of the trade of {@code orderId}: the order, its milestones and documents, its
   * shipments with their events, declarations, policies and the policies' claims.
   */
  public List<Reference> ofOrder(String orderId) {
    List<Reference> references = new ArrayList<>();
    references.add(reference(RecordType.ORDER, null, orderId));
    for (String milestoneId : milestones.idsByOrder(orderId)) {
      references.add(reference(RecordType.MILESTONE, orderId, milestoneId));
    }
    for (String documentId : documents.idsByOrder(orderId)) {
      references.add(reference(RecordType.DOCUMENT, null, documentId));
    }
    for (String shipmentId : shipments.idsByOrder(orderId)) {
      references.add(reference(RecordType.SHIPMENT, null, shipmentId));
      for (String eventId : events.idsByShipment(shipmentId)) {
        references.add(reference(RecordType.SHIPMENT_EVENT, shipmentId, eventId));
      }
      for (String declarationId : declarations.idsByShipment(shipmentId)) {
        references.add(reference(RecordType.DECLARATION, null, declarationId));
      }
      for (String policyId : policies.idsByShipment(shipmentId)) {
        references.add(reference(RecordType.POLICY, null, policyId));
        for (String claimId : claims.idsByPolicy(policyId)) {
          references.add(reference(RecordType.CLAIM, null, claimId));
        }
      }
    }
    return List.copyOf(references);
  }

  private Reference reference(RecordType type, String parentId, String recordId) {
    return new Reference(type, parentId, recordId, key(type, parentId, recordId));
  }
}
