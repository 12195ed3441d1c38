package io.tradeledger.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.contract.transactions.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.metadata.MetadataBuilder;
import org.hyperledger.fabric.contract.routing.TypeRegistry;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.junit.jupiter.api.Test;

/**
 * Transaction names, intents and parameters are the chaincode's API: clients call them by name.
 * This builds the metadata exactly as the ContractRouter does at start-up (which also validates it)
 * and compares it with the committed list and with contract-api's {@code Transactions}, so a
 * renamed or re-typed transaction fails here.
 */
class ContractMetadataTest {

  @Test
  void transactions_match_the_published_api() throws IOException {
    List<String> actual = chaincodeTransactions();

    assertThat(actual.stream().sorted().toList()).containsExactlyElementsOf(expected());
  }

  /**
   * contract-api declares each transaction once (contract, name, intent, parameters) and both the
   * chaincode and the client API are built from it: every declared transaction exists in the
   * chaincode as declared, and the chaincode has no other.
   */
  @Test
  void transactions_are_those_contract_api_declares() throws IOException {
    List<String> declared =
        Transactions.all().stream()
            .map(
                transaction ->
                    transaction.qualifiedName()
                        + " "
                        + transaction.intent()
                        + " ("
                        + String.join(", ", transaction.parameterNames())
                        + ")")
            .sorted()
            .toList();

    assertThat(chaincodeTransactions().stream().sorted().toList())
        .containsExactlyElementsOf(declared);
    assertThat(expected()).containsExactlyElementsOf(declared);
  }

  private static List<String> chaincodeTransactions() {
    RoutingRegistryImpl registry = new RoutingRegistryImpl();
    TypeRegistry types = TypeRegistry.getRegistry();
    registry.findAndSetContracts(types);
    MetadataBuilder.initialize(registry, types);

    JsonNode contracts =
        CanonicalJson.readTree(MetadataBuilder.getMetadata().getBytes(UTF_8)).path("contracts");
    List<String> actual = new ArrayList<>();
    contracts
        .properties()
        .forEach(
            contract -> {
              if (contract.getKey().equals("org.hyperledger.fabric")) {
                return;
              }
              for (JsonNode transaction : contract.getValue().path("transactions")) {
                List<String> parameters = new ArrayList<>();
                transaction
                    .path("parameters")
                    .forEach(p -> parameters.add(p.path("name").asText()));
                actual.add(
                    contract.getKey()
                        + ":"
                        + transaction.path("name").asText()
                        + " "
                        + transaction.path("tags").path(0).asText()
                        + " ("
                        + String.join(", ", parameters)
                        + ")");
              }
            });
    return actual;
  }

  private static List<String> expected() throws IOException {
    try (InputStream input =
        ContractMetadataTest.class.getResourceAsStream("/contract-transactions.txt")) {
      return new String(input.readAllBytes(), UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .sorted()
          .toList();
    }
  }
}
