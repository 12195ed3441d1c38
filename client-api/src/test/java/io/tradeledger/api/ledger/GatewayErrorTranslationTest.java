package io.tradeledger.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

/** The Gateway's real exception types, built as the Gateway builds them from a peer's answer. */
class GatewayErrorTranslationTest {

  private static StatusRuntimeException grpc(int code, String message, String... peerMessages) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code).setMessage(message);
    for (String peerMessage : peerMessages) {
      status.addDetails(
          Any.pack(
              ErrorDetail.newBuilder()
                  .setAddress("peer0.importer.trade.local:7051")
                  .setMspId("ImporterMSP")
                  .setMessage(peerMessage)
                  .build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  @Test
  void a_chaincode_rejection_keeps_the_contract_code_and_transaction() {
    EndorseException endorse =
        new EndorseException(
            "tx1",
            grpc(
                10,
                "failed to endorse transaction, see attached details for more info",
                "chaincode response 500, ORDER_INVALID_TRANSITION: order o-1 is ACCEPTED"));

    LedgerException translated = FabricGatewayLedger.translate(endorse, "tx1");

    assertThat(translated).isInstanceOf(LedgerRejection.class);
    LedgerRejection rejection = (LedgerRejection) translated;
    assertThat(rejection.code()).isEqualTo("ORDER_INVALID_TRANSITION");
    assertThat(rejection.detail()).isEqualTo("order o-1 is ACCEPTED");
    assertThat(rejection.transactionId()).isEqualTo("tx1");
  }

  @Test
  void an_evaluation_error_carries_the_code_in_its_description() {
    GatewayException evaluate =
        new GatewayException(
            grpc(
                2,
                "evaluate call to endorser returned error: chaincode response 500,"
                    + " ORDER_NOT_FOUND: no order o-9"));

    LedgerRejection rejection = (LedgerRejection) FabricGatewayLedger.translate(evaluate, null);

    assertThat(rejection.code()).isEqualTo("ORDER_NOT_FOUND");
    assertThat(rejection.transactionId()).isNull();
  }

  @Test
  void an_unreachable_peer_and_a_late_commit_status_are_told_apart() {
    assertThat(FabricGatewayLedger.translate(new GatewayException(grpc(14, "io exception")), null))
        .isInstanceOf(LedgerUnavailable.class);
    CommitStatusException late = new CommitStatusException("tx5", grpc(4, "deadline exceeded"));
    LedgerException unknown = FabricGatewayLedger.translate(late, "tx5");
    assertThat(unknown).isInstanceOf(OutcomeUnknown.class);
    assertThat(unknown.transactionId()).isEqualTo("tx5");
  }

  @Test
  void a_deadline_before_ordering_is_a_slow_peer_and_after_it_an_unknown_outcome() {
    LedgerException endorsing =
        FabricGatewayLedger.translate(
            new EndorseException("tx6", grpc(4, "deadline exceeded")), "tx6");
    LedgerException submitting =
        FabricGatewayLedger.translate(
            new SubmitException("tx7", grpc(4, "deadline exceeded")), "tx7");

    assertThat(endorsing).isInstanceOf(LedgerUnavailable.class);
    assertThat(endorsing.code()).isEqualTo("PEER_UNAVAILABLE");
    assertThat(endorsing.transactionId()).isEqualTo("tx6");
    assertThat(submitting).isInstanceOf(OutcomeUnknown.class);
    assertThat(submitting.code()).isEqualTo("OUTCOME_UNKNOWN");
  }

  @Test
  void any_failure_after_the_transaction_went_to_the_orderer_leaves_its_outcome_unknown() {
    for (int code :
        new int[] {1, 2, 4, 13, 14}) { // CANCELLED, UNKNOWN, DEADLINE, INTERNAL, UNAVAILABLE
      LedgerException submitting =
          FabricGatewayLedger.translate(new SubmitException("tx9", grpc(code, "failed")), "tx9");
      LedgerException committing =
          FabricGatewayLedger.translate(
              new CommitStatusException("tx9", grpc(code, "failed")), "tx9");

      assertThat(submitting).as("submit, gRPC code %d", code).isInstanceOf(OutcomeUnknown.class);
      assertThat(committing)
          .as("commit status, gRPC code %d", code)
          .isInstanceOf(OutcomeUnknown.class);
      assertThat(committing.transactionId()).isEqualTo("tx9");
    }
  }

  @Test
  void anything_else_from_the_gateway_is_a_ledger_error_with_its_messages() {
    LedgerException other =
        FabricGatewayLedger.translate(
            new EndorseException("tx8", grpc(9, "failed precondition", "no peers available")),
            "tx8");

    assertThat(other.code()).isEqualTo("LEDGER_ERROR");
    assertThat(((LedgerRejection) other).detail()).contains("no peers available");
  }

  /**
   * Under concurrent updates of one record the endorsing peers simulate on either side of a block
   * (seen with 50 concurrent shipment events): the Gateway answers ABORTED with "do not match"
   * details. A race like a read conflict, not an answer this service does not know.
   */
  @Test
  void endorsers_that_answer_differently_are_an_endorsement_mismatch() {
    LedgerException translated =
        FabricGatewayLedger.translate(
            new EndorseException(
                "tx10",
                grpc(
                    10,
                    "failed to collect enough transaction endorsements, see attached details for"
                        + " more info",
                    "ProposalResponsePayloads do not match",
                    "ProposalResponsePayloads do not match")),
            "tx10");

    assertThat(translated.code()).isEqualTo("ENDORSEMENT_MISMATCH");
    assertThat(((LedgerRejection) translated).detail()).doesNotContain("ProposalResponsePayloads");
    assertThat(translated.transactionId()).isEqualTo("tx10");
  }

  /**
   * A change whose endorsing organization's peer is stopped: the Gateway either fails to reach it
   * (ABORTED, the peer's connection error as detail) or, once discovery has dropped it, finds no
   * peers for the policy (FAILED_PRECONDITION). Nothing was ordered: 503 ENDORSERS_UNAVAILABLE.
   */
  @Test
  void endorsers_that_cannot_be_reached_are_endorsers_unavailable() {
    LedgerException unreachable =
        FabricGatewayLedger.translate(
            new EndorseException(
                "tx11",
                grpc(
                    10,
                    "failed to collect enough transaction endorsements, see attached details for"
                        + " more info",
                    "rpc error: code = Unavailable desc = connection error: connection refused")),
            "tx11");
    LedgerException noPlan =
        FabricGatewayLedger.translate(
            new EndorseException(
                "tx12",
                grpc(
                    9,
                    "no combination of peers can be derived which satisfy the endorsement policy:"
                        + " required chaincodes are not installed on sufficient peers")),
            "tx12");

    assertThat(unreachable.code()).isEqualTo("ENDORSERS_UNAVAILABLE");
    assertThat(noPlan.code()).isEqualTo("ENDORSERS_UNAVAILABLE");
    assertThat(((LedgerRejection) noPlan).detail()).doesNotContain("chaincodes");
  }
}
