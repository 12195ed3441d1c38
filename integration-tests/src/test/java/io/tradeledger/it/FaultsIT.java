package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.RecordType;
import io.tradeledger.contract.transactions.Transactions;
import io.tradeledger.it.Member.Submitted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the network does when nodes fail, and that it recovers: Raft keeps ordering with one of
 * three orderers gone and refuses (in bounded time) without a quorum; a peer whose chaincode server
 * is gone says so and serves again once it is back; a whole network stopped and started keeps every
 * record and its history. Runs last, because it stops nodes; every test leaves the network running
 * again.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
final class FaultsIT {
  /** How long a node that was restarted may take to catch up or to be reachable again. */
  private static final Duration RECOVERY = Duration.ofSeconds(120);

  /** Short deadlines, so that a transaction that cannot be ordered fails quickly. */
  private static final Deadlines IMPATIENT =
      new Deadlines(
          Duration.ofSeconds(10),
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(15));

  private static final Logger LOG = LoggerFactory.getLogger(FaultsIT.class);

  /** What the peer reports when it cannot reach the chaincode server. */
  private static final String CHAINCODE_UNREACHABLE = "could not launch chaincode trade_";

  private final Metrics metrics = new Metrics();

  /** The records this class creates, by history request: all must survive a full restart. */
  private final List<HistoryRequest> created = new ArrayList<>();

  private FabricNetwork network;
  private Gateways gateways;
  private Member buyer;
  private Member seller;
  private Member carrier;
  private Trade shipped;

  @BeforeAll
  void prepare(FabricNetwork network) throws Exception {
    this.network = network;
    gateways = Gateways.open(network, Deadlines.standard());
    buyer = gateways.member(Organization.IMPORTER, "User1");
    seller = gateways.member(Organization.EXPORTER, "User2");
    carrier = gateways.member(Organization.CARRIER, "User1");
    shipped = Trade.fresh("faults");
    shipped.proposeAndAccept(buyer, seller);
    shipped.bookAndConfirm(seller, carrier);
    remember(shipped);
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  @Test
  @Order(1)
  void with_one_orderer_stopped_transactions_commit_and_it_catches_up_after_restart()
      throws Exception {
    network.stop("orderer3");
    // If orderer3 led the Raft cluster, the other two elect a new leader first.
    awaitRaftLeader();

    Trade duringOutage = Trade.fresh("faults-one-orderer");
    Submitted proposed =
        Poll.untilSucceeds(
            "a transaction to commit with orderer3 stopped",
            RECOVERY,
            () -> duringOutage.propose(buyer));
    assertThat(proposed.result().path("status").asText()).isEqualTo("PROPOSED");
    duringOutage.storeTerms(buyer);
    duringOutage.storeTerms(seller);
    assertThat(duringOutage.accept(seller).result().path("status").asText()).isEqualTo("ACCEPTED");
    remember(duringOutage);
    assertThat(metrics.blockHeight(network.ports().ordererOperations(3))).isEmpty();

    network.up();

    long peerHeight = height(network.ports().peerOperations(Organization.IMPORTER));
    long caughtUp =
        Poll.until(
            "orderer3 to catch up to height " + peerHeight,
            RECOVERY,
            () -> height(network.ports().ordererOperations(3)),
            height -> height >= peerHeight);
    assertThat(caughtUp).isEqualTo(height(network.ports().ordererOperations(1)));
  }

  @Test
  @Order(2)
  void without_an_orderer_quorum_a_submit_fails_within_its_deadline_and_reads_still_work()
      throws Exception {
    network.stop("orderer2", "orderer3");
    Trade unordered = Trade.fresh("faults-no-quorum");
    Trade afterQuorum = Trade.fresh("faults-quorum-back");
    Submitted proposed;
    try (Gateways impatient = Gateways.open(network, IMPATIENT)) {
      Member impatientBuyer = impatient.member(Organization.IMPORTER, "User2");
      try {
        // A leader that lost its quorum steps down after an election timeout; wait for that, so
        // the submission meets an orderer without a leader rather than a leader about to resign.
        Poll.until(
            "orderer1 to give up Raft leadership",
            RECOVERY,
            () -> metrics.value(network.ports().ordererOperations(1), Metrics.RAFT_LEADER),
            leader -> leader.isPresent() && leader.getAsDouble() == 0);

        Instant start = Instant.now();
        GatewayException failure =
            Failures.thrownBy(GatewayException.class, () -> unordered.propose(impatientBuyer));
        Duration took = Duration.between(start, Instant.now());

        LOG.info(
            "a submission without an orderer quorum failed after {} ms: {} {}",
            took.toMillis(),
            failure.getClass().getSimpleName(),
            Failures.describe(failure));
        // The orderer still up refuses (no Raft leader), the others cannot be dialled: nothing
        // was ordered, and the client learns it at once, well within the submit deadline.
        assertThat(failure).as(Failures.describe(failure)).isInstanceOf(SubmitException.class);
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(Failures.describe(failure))
            .contains("no orderers could successfully process transaction");
        assertThat(took).isLessThan(IMPATIENT.endorse().plus(IMPATIENT.submit()).plusSeconds(5));

        JsonNode order = impatientBuyer.evaluate(Transactions.GET_ORDER, shipped.orderId());
        assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
      } finally {
        network.up();
      }
      awaitRaftLeader();
      // An orderer that still names the old leader may accept a transaction and lose it; the
      // short commit-status deadline turns that into a quick retry.
      proposed =
          Poll.untilSucceeds(
              "a transaction to commit once the orderers are back",
              RECOVERY,
              () -> afterQuorum.propose(impatientBuyer));
    }
    assertThat(proposed.result().path("status").asText()).isEqualTo("PROPOSED");
    created.add(new HistoryRequest(RecordType.ORDER, afterQuorum.orderId(), null));
    GatewayException neverOrdered =
        Failures.thrownBy(
            GatewayException.class,
            () -> buyer.evaluate(Transactions.GET_ORDER, unordered.orderId()));
    assertThat(Failures.contractCode(neverOrdered)).contains("ORDER_NOT_FOUND");
  }

  @Test
  @Order(3)
  void a_stopped_chaincode_server_fails_calls_clearly_and_they_work_again_after_restart()
      throws Exception {
    network.stop(Organization.CARRIER.chaincodeNode());
    try {
      GatewayException read =
          Failures.thrownBy(GatewayException.class, () -> shipmentOnCarriersPeer().evaluate());
      LOG.info(
          "a read on the carrier's peer without its chaincode server: {}", Failures.describe(read));
      assertThat(Failures.describe(read))
          .contains("CarrierMSP", CHAINCODE_UNREACHABLE, "connect: connection refused");

      // The shipment's key-level policy needs the carrier's peer, whose chaincode is gone.
      EndorseException write =
          Failures.thrownBy(
              EndorseException.class,
              () ->
                  shipped.record(
                      carrier,
                      shipped.event(
                          EventType.TRANSPORT, "DEPARTED", Trade.PORT_OF_LOADING, shipped.at(10))));
      LOG.info("a write the carrier must endorse: {}", Failures.describe(write));
      assertThat(Failures.describe(write))
          .contains("CarrierMSP", CHAINCODE_UNREACHABLE, "connect: connection refused");
    } finally {
      network.up();
    }

    JsonNode shipment =
        Json.read(
            new String(
                Poll.untilSucceeds(
                    "the carrier's peer to reach its chaincode server again",
                    RECOVERY,
                    () -> shipmentOnCarriersPeer().evaluate()),
                UTF_8));
    assertThat(shipment.path("status").asText()).isEqualTo("CONFIRMED");
    Submitted departed =
        shipped.record(
            carrier,
            shipped.event(EventType.TRANSPORT, "DEPARTED", Trade.PORT_OF_LOADING, shipped.at(10)));
    created.add(
        new HistoryRequest(
            RecordType.SHIPMENT_EVENT,
            departed.result().path("eventId").asText(),
            shipped.shipmentId()));
    assertThat(
            carrier
                .evaluate(Transactions.GET_SHIPMENT, shipped.shipmentId())
                .path("status")
                .asText())
        .isEqualTo("IN_TRANSIT");
  }

  /**
   * GetShipment evaluated on the carrier's own peer only (the Gateway would fall back to others).
   */
  private Proposal shipmentOnCarriersPeer() {
    return carrier
        .proposal(Transactions.GET_SHIPMENT, shipped.shipmentId())
        .setEndorsingOrganizations(Organization.CARRIER.mspId())
        .build();
  }

  @Test
  @Order(4)
  void after_the_whole_network_restarts_every_record_and_history_is_kept() throws Exception {
    Map<HistoryRequest, String> before = new LinkedHashMap<>();
    for (HistoryRequest record : created) {
      before.put(record, buyer.evaluateText(Transactions.GET_HISTORY, record));
    }
    long heightBefore = height(network.ports().peerOperations(Organization.IMPORTER));

    network.stop();
    network.up();

    for (Map.Entry<HistoryRequest, String> record : before.entrySet()) {
      String after =
          Poll.untilSucceeds(
              "the history of " + record.getKey() + " after the restart",
              RECOVERY,
              () -> buyer.evaluateText(Transactions.GET_HISTORY, record.getKey()));
      assertThat(after).as(record.getKey().toString()).isEqualTo(record.getValue());
    }
    assertThat(height(network.ports().peerOperations(Organization.IMPORTER)))
        .isGreaterThanOrEqualTo(heightBefore);

    Submitted arrived =
        shipped.record(
            carrier,
            shipped.event(EventType.TRANSPORT, "ARRIVED", Trade.PORT_OF_DISCHARGE, shipped.at(60)));
    assertThat(arrived.transactionId()).isNotBlank();
    assertThat(
            buyer.evaluate(Transactions.GET_SHIPMENT, shipped.shipmentId()).path("status").asText())
        .isEqualTo("ARRIVED");
  }

  private void remember(Trade trade) {
    created.add(new HistoryRequest(RecordType.ORDER, trade.orderId(), null));
    created.add(new HistoryRequest(RecordType.MILESTONE, "deposit", trade.orderId()));
    if (trade == shipped) {
      created.add(new HistoryRequest(RecordType.SHIPMENT, trade.shipmentId(), null));
    }
  }

  /** Waits until exactly one of the running orderers leads the channel's Raft cluster. */
  private void awaitRaftLeader() {
    metrics.awaitRaftLeader(network.ports(), RECOVERY);
  }

  private long height(int operationsPort) {
    OptionalLong height = metrics.blockHeight(operationsPort);
    return height.orElse(-1);
  }
}
