package io.tradeledger.contract.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.contract.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void a_broken_rule_outside_the_chaincode_is_a_contract_violation_with_the_contract_s_message() {
    assertThatThrownBy(() -> new Money(-1, "EUR"))
        .isInstanceOf(ContractViolation.class)
        .hasMessage("INVALID_INPUT: amount must not be negative")
        .satisfies(
            error ->
                assertThat(((ContractViolation) error).violation())
                    .isEqualTo(
                        new Violation(ErrorCode.INVALID_INPUT, "amount must not be negative")));
  }

  @Test
  void an_invalid_input_names_its_field_by_its_path_from_the_document_s_root() {
    Violation violation = new Violation(ErrorCode.INVALID_INPUT, "unit must be a code");

    assertThat(violation.at(List.of("lines", 2)).message())
        .isEqualTo("INVALID_INPUT: lines[2].unit must be a code");
    assertThat(violation.at(List.of(0, "roles")).detail())
        .isEqualTo("[0].roles.unit must be a code");
    assertThat(violation.at(List.of())).isSameAs(violation);
  }

  @Test
  void other_codes_keep_their_detail_wherever_the_record_sits() {
    Violation violation = new Violation(ErrorCode.DATE_IN_PAST, "d is in the past");

    assertThat(violation.at(List.of("lines", 0))).isSameAs(violation);
  }

  @Test
  void the_violation_is_found_among_an_exception_s_causes() {
    ContractViolation cause = new ContractViolation(new Violation(ErrorCode.ORDER_CONFLICT, "x"));

    assertThat(Violation.of(new IllegalStateException("wrapped", cause)))
        .contains(cause.violation());
    assertThat(Violation.of(new IllegalStateException("plain"))).isEmpty();
  }
}
