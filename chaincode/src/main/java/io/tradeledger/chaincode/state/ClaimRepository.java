package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Claim;
import java.util.List;
import java.util.Optional;

/**
 * Claims under {@code claim/<claimId>}, with the index {@code policy-claim/<policyId>/<claimId>}.
 */
public final class ClaimRepository {
  static final String CLAIM = "claim";
  static final String BY_POLICY = "policy-claim";

  private final LedgerState state;

  public ClaimRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Claim> find(String claimId) {
    return state.get(key(claimId), Claim.class);
  }

  /** The policy's claims in claim id order. */
  public List<Claim> findByPolicy(String policyId) {
    return idsByPolicy(policyId).stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /** The ids of the policy's claims, in claim id order. */
  List<String> idsByPolicy(String policyId) {
    return state.indexed(BY_POLICY, policyId);
  }

  /** Saves a claim; a new one is also indexed under its policy. */
  public void save(Claim claim) {
    if (!state.exists(key(claim.claimId()))) {
      state.index(BY_POLICY, claim.policyId(), claim.claimId());
    }
    state.put(key(claim.claimId()), claim);
  }

  public String key(String claimId) {
    return state.key(CLAIM, claimId);
  }
}
