package io.tradeledger.contract.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.contract.MandateParties;
import io.tradeledger.contract.MilestoneReference;
import io.tradeledger.contract.PageRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  @Test
  void a_transaction_knows_its_contract_name_and_intent() {
    assertThat(Transactions.PROPOSE_ORDER.contract()).isEqualTo("orders");
    assertThat(Transactions.PROPOSE_ORDER.name()).isEqualTo("ProposeOrder");
    assertThat(Transactions.PROPOSE_ORDER.qualifiedName()).isEqualTo("orders:ProposeOrder");
    assertThat(Transactions.PROPOSE_ORDER.intent()).isEqualTo(Intent.SUBMIT);
    assertThat(Transactions.GET_ORDER.intent()).isEqualTo(Intent.EVALUATE);
    assertThat(Transactions.PROPOSE_ORDER.parameterNames()).containsExactly("orderJson");
  }

  @Test
  void every_transaction_is_listed_once_with_a_distinct_qualified_name() {
    List<Transaction<?>> all = Transactions.all();

    assertThat(all).hasSize(44);
    Set<String> names = all.stream().map(Transaction::qualifiedName).collect(Collectors.toSet());
    assertThat(names).hasSameSizeAs(all);
  }

  @Test
  void records_go_as_json_and_ids_as_they_are() {
    MilestoneReference reference = new MilestoneReference("o-1", "deposit");

    assertThat(Transactions.CONFIRM_PAYMENT.arguments(reference))
        .containsExactly(new Argument.Json(reference));
    assertThat(Transactions.GET_ORDER.arguments("o-1")).containsExactly(new Argument.Text("o-1"));
    assertThat(Transactions.LIST_PARTICIPANTS.arguments(null)).isEmpty();
  }

  @Test
  void several_text_parameters_take_their_values_in_order() {
    assertThat(Transactions.LIST_ORDERS.arguments(new PageRequest("20", null)))
        .containsExactly(new Argument.Text("20"), new Argument.Text(""));
    assertThat(
            Transactions.GET_CUSTOMS_MANDATE.arguments(
                new MandateParties("ImporterMSP", "BrokerMSP")))
        .containsExactly(new Argument.Text("ImporterMSP"), new Argument.Text("BrokerMSP"));
  }

  @Test
  void an_input_is_required_where_there_are_parameters() {
    assertThatThrownBy(() -> Transactions.GET_ORDER.arguments(null))
        .isInstanceOf(NullPointerException.class);
  }
}
