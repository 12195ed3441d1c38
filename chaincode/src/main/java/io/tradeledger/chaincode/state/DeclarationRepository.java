package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.CustomsDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * Customs declarations under {@code declaration/<declarationId>}, with the index {@code
 * shipment-declaration/<shipmentId>/<declarationId>}.
 */
public final class DeclarationRepository {
  static final String DECLARATION = "declaration";
  static final String BY_SHIPMENT = "shipment-declaration";

  private final LedgerState state;

  public DeclarationRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<CustomsDeclaration> find(String declarationId) {
    return state.get(key(declarationId), CustomsDeclaration.class);
  }

  /** The shipment's declarations in declaration id order. */
  public List<CustomsDeclaration> findByShipment(String shipmentId) {
    return idsByShipment(shipmentId).stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /** The ids of the shipment's declarations, in declaration id order. */
  List<String> idsByShipment(String shipmentId) {
    return state.indexed(BY_SHIPMENT, shipmentId);
  }

  /** Saves a declaration; a new one is also indexed under its shipment. */
  public void save(CustomsDeclaration declaration) {
    if (!state.exists(key(declaration.declarationId()))) {
      state.index(BY_SHIPMENT, declaration.shipmentId(), declaration.declarationId());
    }
    state.put(key(declaration.declarationId()), declaration);
  }

  public String key(String declarationId) {
    return state.key(DECLARATION, declarationId);
  }
}
