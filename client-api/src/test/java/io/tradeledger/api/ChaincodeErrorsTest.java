package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.api.ledger.ChaincodeErrors;
import org.junit.jupiter.api.Test;

class ChaincodeErrorsTest {
  @Test
  void finds_the_contract_code_in_a_gateway_message() {
    assertThat(
            ChaincodeErrors.parse(
                "10 ABORTED: failed to endorse transaction, see attached details for more info\n"
                    + "chaincode response 500, ORDER_NOT_FOUND: no order o-1"))
        .contains(new ChaincodeErrors.Coded("ORDER_NOT_FOUND", "no order o-1"));
    assertThat(
            ChaincodeErrors.parse(
                "evaluate call to endorser returned error: chaincode response 500, INVALID_INPUT:"
                    + " lines[0].unit must be a UN/ECE Recommendation 20 unit code"))
        .contains(
            new ChaincodeErrors.Coded(
                "INVALID_INPUT", "lines[0].unit must be a UN/ECE Recommendation 20 unit code"));
  }

  @Test
  void grpc_status_names_are_not_contract_codes() {
    assertThat(ChaincodeErrors.parse("14 UNAVAILABLE: io exception")).isEmpty();
    assertThat(ChaincodeErrors.parse("4 DEADLINE_EXCEEDED: deadline exceeded after 5s")).isEmpty();
    assertThat(ChaincodeErrors.parse(null)).isEmpty();
  }
}
