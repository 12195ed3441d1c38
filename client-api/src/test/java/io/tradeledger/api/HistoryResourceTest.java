package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Record histories over HTTP. Every test runs the whole application on its own fake ledger. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HistoryResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void history_requests_name_the_record() throws Exception {
    api.target()
        .path("/history/MILESTONE/deposit")
        .queryParam("parentId", "o-1")
        .request()
        .header("Authorization", READER)
        .get()
        .close();
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("ledger:GetHistory");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"recordType\":\"MILESTONE\",\"id\":\"deposit\",\"parentId\":\"o-1\"}");
    Response unknownType = api.request("/history/CAR/x", READER).get();
    assertThat(unknownType.getStatus()).isEqualTo(400);
    assertThat(unknownType.getMediaType().toString()).isEqualTo("application/problem+json");
  }
}
