package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customs mandates over HTTP, addressed by the organizations' MSP ids. Every test runs the whole
 * application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomsMandateResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void customs_mandates_are_granted_revoked_and_read_by_msp_id() {
    ledger.answer("{\"active\":true}");
    Response granted = api.request("/customs-mandates/BrokerMSP", WRITER).put(Entity.json(""));
    assertThat(granted.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:GrantCustomsMandate");
    assertThat(ledger.last().call().arguments()).containsExactly("BrokerMSP");

    ledger.answer("{\"active\":false}");
    Response revoked = api.request("/customs-mandates/BrokerMSP", WRITER).delete();
    assertThat(revoked.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:RevokeCustomsMandate");

    ledger.answer("{\"active\":false}");
    Response read = api.request("/customs-mandates/ImporterMSP/BrokerMSP", READER).get();
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:GetCustomsMandate");
    assertThat(ledger.last().call().arguments()).containsExactly("ImporterMSP", "BrokerMSP");
  }
}
