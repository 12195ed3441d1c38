package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The participant registry over HTTP. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ParticipantResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void the_founding_members_are_registered_as_one_array() throws Exception {
    String members =
        "[{\"mspId\":\"ImporterMSP\",\"legalName\":\"Nordic Imports AB\",\"country\":\"SE\","
            + "\"roles\":[\"IMPORTER\"]},{\"mspId\":\"ExporterMSP\",\"legalName\":\"Shenzhen"
            + " Export Co\",\"country\":\"CN\",\"roles\":[\"EXPORTER\"]}]";

    Response response = api.request("/participants", WRITER).post(Entity.json(members));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().qualifiedName())
        .isEqualTo("participants:RegisterFoundingMembers");
    assertThat(MAPPER.readTree(ledger.last().call().arguments().get(0)))
        .isEqualTo(MAPPER.readTree(members));
    Response badRole =
        api.request("/participants", WRITER)
            .post(Entity.json(members.replace("EXPORTER", "TRADER")));
    assertThat(badRole.getStatus()).isEqualTo(400);
  }
}
