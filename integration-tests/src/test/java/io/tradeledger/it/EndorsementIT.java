package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.RecordType;
import io.tradeledger.contract.transactions.Transactions;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The promise behind every record: the organization responsible for it must endorse each change.
 * The contract sets key-level endorsement policies; only Fabric's validation at commit enforces
 * them, so these tests submit transactions endorsed by organizations of the caller's choosing and
 * check that the peers invalidate them with ENDORSEMENT_POLICY_FAILURE and the state stays as it
 * was. The chosen endorsers are always a majority (3 of 5), so the chaincode-level policy on keys
 * without a key-level policy is met and only the missing responsible organization is the reason.
 *
 * <p>Also: an organization acting outside its role is refused with the contract's error code, and
 * the confidential terms are answered only to each party, on its own peer.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2)
final class EndorsementIT {
  private Gateways gateways;
  private Member buyer;
  private Member seller;
  private Member carrier;
  private Member customs;
  private Member insurer;

  /** Proposed, both parties' terms stored, not accepted. */
  private final Trade proposed = Trade.fresh("endorse-proposed");

  /** Accepted, shipment confirmed, declaration filed. */
  private final Trade shipped = Trade.fresh("endorse-shipped");

  @BeforeAll
  void prepareTrades(FabricNetwork network) throws Exception {
    gateways = Gateways.open(network, Deadlines.standard());
    buyer = gateways.member(Organization.IMPORTER, "User1");
    seller = gateways.member(Organization.EXPORTER, "User1");
    carrier = gateways.member(Organization.CARRIER, "User1");
    customs = gateways.member(Organization.CUSTOMS, "User1");
    insurer = gateways.member(Organization.INSURER, "User1");

    proposed.propose(buyer);
    proposed.storeTerms(buyer);
    proposed.storeTerms(seller);

    shipped.proposeAndAccept(buyer, seller);
    shipped.bookAndConfirm(seller, carrier);
    shipped.fileDeclaration(buyer);
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  @Test
  void shipment_event_endorsed_by_a_majority_without_the_carrier_is_invalidated_at_commit()
      throws Exception {
    EventReport departed =
        shipped.event(EventType.TRANSPORT, "DEPARTED", Trade.PORT_OF_LOADING, shipped.at(10));
    // The new event key has no policy yet (MAJORITY applies), but the shipment the event moves
    // carries the carrier's key-level policy.
    Proposal withoutCarrier =
        carrier
            .proposal(Transactions.RECORD_SHIPMENT_EVENT, departed)
            .setEndorsingOrganizations("ExporterMSP", "ImporterMSP", "CustomsMSP")
            .build();

    assertInvalidatedForEndorsementPolicy(withoutCarrier);

    assertThat(
            carrier
                .evaluate(Transactions.GET_SHIPMENT, shipped.shipmentId())
                .path("status")
                .asText())
        .isEqualTo("CONFIRMED");
    assertThat(carrier.evaluate(Transactions.LIST_SHIPMENT_EVENTS, shipped.shipmentId())).isEmpty();

    // The same event, endorsed as the Gateway plans it (the carrier included), commits.
    JsonNode recorded = shipped.record(carrier, departed).result();
    assertThat(recorded.path("eventId").asText()).isEqualTo(departed.eventId());
    assertThat(
            carrier
                .evaluate(Transactions.GET_SHIPMENT, shipped.shipmentId())
                .path("status")
                .asText())
        .isEqualTo("IN_TRANSIT");
  }

  @Test
  void customs_decision_endorsed_by_a_majority_without_customs_is_invalidated_at_commit()
      throws Exception {
    Proposal withoutCustoms =
        customs
            .proposal(Transactions.DECIDE_DECLARATION, shipped.release(new Money(1_000, "SEK")))
            .setEndorsingOrganizations("ImporterMSP", "ExporterMSP", "CarrierMSP")
            .build();

    assertInvalidatedForEndorsementPolicy(withoutCustoms);

    JsonNode declaration = customs.evaluate(Transactions.GET_DECLARATION, shipped.declarationId());
    assertThat(declaration.path("status").asText()).isEqualTo("FILED");
    assertThat(declaration.has("assessedDuties")).isFalse();
    assertThat(declaration.has("decidedAt")).isFalse();
  }

  @Test
  void order_acceptance_endorsed_by_everyone_but_the_buyer_is_invalidated_at_commit()
      throws Exception {
    Proposal withoutBuyer =
        seller
            .proposal(Transactions.ACCEPT_ORDER, proposed.orderId())
            .setEndorsingOrganizations("ExporterMSP", "CarrierMSP", "CustomsMSP", "InsurerMSP")
            .build();

    assertInvalidatedForEndorsementPolicy(withoutBuyer);

    assertThat(seller.evaluate(Transactions.GET_ORDER, proposed.orderId()).path("status").asText())
        .isEqualTo("PROPOSED");
    JsonNode history =
        seller.evaluate(
            Transactions.GET_HISTORY,
            new HistoryRequest(RecordType.ORDER, proposed.orderId(), null));
    assertThat(history)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("PROPOSED");
  }

  @Test
  void an_organization_without_the_role_is_refused_with_the_contracts_code() throws Exception {
    EndorseException notAnImporter =
        Failures.thrownBy(
            EndorseException.class, () -> Trade.fresh("endorse-wrong-role").propose(seller));
    assertThat(Failures.contractCode(notAnImporter)).contains("ROLE_REQUIRED");
    assertThat(Failures.describe(notAnImporter))
        .contains("ROLE_REQUIRED: ExporterMSP does not have role IMPORTER");
    assertThat(notAnImporter.getTransactionId()).isNotBlank();

    EndorseException notTheCarrier =
        Failures.thrownBy(EndorseException.class, () -> shipped.confirmShipment(customs));
    assertThat(Failures.contractCode(notTheCarrier)).contains("ACCESS_DENIED");
    assertThat(Failures.describe(notTheCarrier))
        .contains("ACCESS_DENIED: only CarrierMSP, the carrier, may do this; caller is CustomsMSP");
  }

  @Test
  void confidential_terms_are_answered_only_to_each_party_on_its_own_peer() throws Exception {
    String canonical = new String(proposed.canonicalTerms(), UTF_8);
    assertThat(buyer.evaluateText(Transactions.GET_ORDER_TERMS, proposed.orderId()))
        .isEqualTo(canonical);
    assertThat(seller.evaluateText(Transactions.GET_ORDER_TERMS, proposed.orderId()))
        .isEqualTo(canonical);

    for (String otherPeer : new String[] {"ExporterMSP", "CarrierMSP", "CustomsMSP"}) {
      Proposal onAnotherPeer =
          buyer
              .proposal(Transactions.GET_ORDER_TERMS, proposed.orderId())
              .setEndorsingOrganizations(otherPeer)
              .build();
      GatewayException refused = Failures.thrownBy(GatewayException.class, onAnotherPeer::evaluate);
      assertThat(Failures.contractCode(refused)).as(otherPeer).contains("WRONG_ENDORSING_PEER");
      assertThat(Failures.describe(refused)).doesNotContain(proposed.terms().salt());
    }

    // Customs and insurers may read every trade, but not its private terms.
    for (Member assessor : new Member[] {customs, insurer}) {
      GatewayException refused =
          Failures.thrownBy(
              GatewayException.class,
              () -> assessor.evaluateText(Transactions.GET_ORDER_TERMS, proposed.orderId()));
      assertThat(Failures.contractCode(refused)).as(assessor.toString()).contains("ACCESS_DENIED");
      assertThat(Failures.describe(refused)).doesNotContain(proposed.terms().salt());
    }
    // A carrier not (yet) in this trade is not even told that the order exists.
    GatewayException hidden =
        Failures.thrownBy(
            GatewayException.class,
            () -> carrier.evaluateText(Transactions.GET_ORDER_TERMS, proposed.orderId()));
    assertThat(Failures.contractCode(hidden)).contains("ORDER_NOT_FOUND");
  }

  @Test
  void terms_sent_to_another_organizations_peer_are_not_stored() throws Exception {
    Proposal onSellersPeer =
        buyer
            .proposal(Transactions.STORE_ORDER_TERMS, proposed.orderId())
            .putTransient(ConfidentialTerms.TRANSIENT_KEY, proposed.canonicalTerms())
            .setEndorsingOrganizations("ExporterMSP")
            .build();
    assertThatThrownBy(onSellersPeer::endorse)
        .isInstanceOfSatisfying(
            EndorseException.class,
            refused -> assertThat(Failures.contractCode(refused)).contains("WRONG_ENDORSING_PEER"));
  }

  private static void assertInvalidatedForEndorsementPolicy(Proposal proposal) throws Exception {
    var endorsed = proposal.endorse();
    CommitException invalidated = Failures.thrownBy(CommitException.class, endorsed::submit);
    assertThat(invalidated.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    assertThat(invalidated.getTransactionId()).isEqualTo(endorsed.getTransactionId());
  }
}
