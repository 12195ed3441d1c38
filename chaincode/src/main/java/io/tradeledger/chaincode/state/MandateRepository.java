package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.CustomsMandate;
import java.util.Optional;

/** Customs mandates under {@code customs-mandate/<grantorMsp>/<representativeMsp>}. */
public final class MandateRepository {
  static final String MANDATE = "customs-mandate";

  private final LedgerState state;

  public MandateRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<CustomsMandate> find(String grantorMsp, String representativeMsp) {
    return state.get(key(grantorMsp, representativeMsp), CustomsMandate.class);
  }

  /** Whether {@code representativeMsp} holds an active mandate of {@code grantorMsp}. */
  public boolean isMandated(String grantorMsp, String representativeMsp) {
    return find(grantorMsp, representativeMsp).map(CustomsMandate::active).orElse(false);
  }

  public void save(CustomsMandate mandate) {
    state.put(key(mandate.grantorMsp(), mandate.representativeMsp()), mandate);
  }

  public String key(String grantorMsp, String representativeMsp) {
    return state.key(MANDATE, grantorMsp, representativeMsp);
  }
}
