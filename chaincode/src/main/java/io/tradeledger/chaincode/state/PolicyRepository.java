package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.InsurancePolicy;
import java.util.List;
import java.util.Optional;

/**
 * Insurance policies under {@code policy/<policyId>}, with the index {@code
 * shipment-policy/<shipmentId>/<policyId>}.
 */
public final class PolicyRepository {
  static final String POLICY = "policy";
  static final String BY_SHIPMENT = "shipment-policy";

  private final LedgerState state;

  public PolicyRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<InsurancePolicy> find(String policyId) {
    return state.get(key(policyId), InsurancePolicy.class);
  }

  /** The shipment's policies in policy id order. */
  public List<InsurancePolicy> findByShipment(String shipmentId) {
    return idsByShipment(shipmentId).stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /** The ids of the shipment's policies, in policy id order. */
  List<String> idsByShipment(String shipmentId) {
    return state.indexed(BY_SHIPMENT, shipmentId);
  }

  /** Saves a policy; a new one is also indexed under its shipment. */
  public void save(InsurancePolicy policy) {
    if (!state.exists(key(policy.policyId()))) {
      state.index(BY_SHIPMENT, policy.shipmentId(), policy.policyId());
    }
    state.put(key(policy.policyId()), policy);
  }

  public String key(String policyId) {
    return state.key(POLICY, policyId);
  }
}
