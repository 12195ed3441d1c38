package io.tradeledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.TransportMode;
import io.tradeledger.contract.transactions.Transactions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the workloads need on the ledger before they run, made through the same clients: accepted
 * orders (proposed and accepted through the APIs, which keep the confidential terms) and confirmed
 * shipments (booked by the seller and confirmed by the carrier through the Gateway). Ids carry a
 * run nonce, so runs never collide on a kept ledger.
 */
final class Fixtures {
  /** Shipments booked on one order are booked one after another: each booking reads them all. */
  private static final int SHIPMENTS_PER_ORDER = 12;

  static final String CONTAINER = "CSQU3054383";
  static final String PORT_OF_LOADING = "CNYTN";
  static final String PORT_OF_DISCHARGE = "SEGOT";

  private final GatewayClient gateway;
  private final ApiClient api;
  private final String nonce;
  private final AtomicLong sequence = new AtomicLong();
  private final String exporterMsp;
  private final String carrierMsp;

  Fixtures(Network network, GatewayClient gateway, ApiClient api, String nonce) {
    this.gateway = gateway;
    this.api = api;
    this.nonce = nonce;
    this.exporterMsp = network.profile(Organization.EXPORTER).mspId();
    this.carrierMsp = network.profile(Organization.CARRIER).mspId();
  }

  /** A new id of this run: {@code <prefix>-<nonce>-<n>}. */
  String newId(String prefix) {
    return prefix + "-" + nonce + "-" + sequence.incrementAndGet();
  }

  static String randomSha256() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * An order proposed by the importer and accepted by the exporter (CIF Gothenburg, one line of
   * {@code quantity} units at 1.00 EUR), through their APIs.
   *
   * @return its id
   */
  String acceptedOrder(long quantity) throws Exception {
    String orderId = newId("bench-order");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Money total = new Money(quantity * 100, "EUR");
    OrderProposal proposal =
        new OrderProposal(
            orderId,
            exporterMsp,
            List.of(new OrderLine("851712", "Mobile phones", quantity, "H87")),
            Incoterm.CIF,
            PORT_OF_DISCHARGE,
            null,
            "CNSZX",
            PORT_OF_DISCHARGE,
            today.plusDays(180),
            total,
            // The API computes the hash of the terms; the record needs one to exist.
            "0".repeat(64),
            List.of(
                new MilestoneTerms("deposit", 3000, MilestoneTrigger.ACCEPTANCE, 30, null),
                new MilestoneTerms("balance", 7000, MilestoneTrigger.DELIVERY, 10, null)));
    ConfidentialTerms terms =
        new ConfidentialTerms(
            "0".repeat(32),
            List.of(new ConfidentialTerms.LinePrice(1, new Money(100, "EUR"))),
            0,
            List.of(),
            List.of());
    ObjectNode body = (ObjectNode) Json.mapper().valueToTree(proposal);
    body.remove("termsHash");
    ObjectNode requestedTerms = (ObjectNode) Json.mapper().valueToTree(terms);
    requestedTerms.remove("salt");
    body.set("terms", requestedTerms);
    JsonNode proposed =
        Json.read(api.post(Organization.IMPORTER, Network.Role.WRITER, "/orders", body));
    // Proposed on the importer's peer, accepted on the exporter's; a repeated acceptance answers
    // the accepted order.
    eventually(
        () ->
            api.post(
                Organization.EXPORTER,
                Network.Role.WRITER,
                "/orders/" + orderId + "/accept",
                proposed.get("terms")));
    return orderId;
  }

  /** One shipment of one unit of {@code orderId}, booked by the exporter and confirmed. */
  String confirmedShipment(String orderId) throws Exception {
    String shipmentId = newId("bench-shipment");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Booking booking =
        new Booking(
            shipmentId,
            orderId,
            carrierMsp,
            TransportMode.SEA,
            "MAEU" + sequence.incrementAndGet(),
            List.of(CONTAINER),
            PORT_OF_LOADING,
            PORT_OF_DISCHARGE,
            today.plusDays(30),
            today.plusDays(70),
            List.of(new ShipmentLine(1, 1)));
    // A repeated booking of the same content answers the shipment booked.
    eventually(
        () -> gateway.submit(Organization.EXPORTER, "User1", Transactions.BOOK_SHIPMENT, booking));
    eventually(
        () ->
            gateway.submit(
                Organization.CARRIER, "User1", Transactions.CONFIRM_SHIPMENT, shipmentId));
    return shipmentId;
  }

  /** A step that may fail until another organization's peer has the block it depends on. */
  interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step} until it succeeds, for up to 30 s: a commit is reported on the submitter's
   * own peer, and the next step, often on another organization's peer, may run before that peer has
   * the block (the contract's NOT_FOUND, or endorsements that differ: "ProposalResponsePayloads do
   * not match"). Every step here is idempotent.
   */
  static void eventually(Step step) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        step.run();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  /**
   * {@code count} confirmed shipments, each for one worker, made in parallel lanes of one order
   * each.
   */
  List<String> confirmedShipments(int count) throws Exception {
    int lanes = (count + SHIPMENTS_PER_ORDER - 1) / SHIPMENTS_PER_ORDER;
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(lanes, 16));
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int lane = 0; lane < lanes; lane++) {
        int size = Math.min(SHIPMENTS_PER_ORDER, count - lane * SHIPMENTS_PER_ORDER);
        futures.add(
            executor.submit(
                () -> {
                  String orderId = acceptedOrder(SHIPMENTS_PER_ORDER);
                  List<String> shipments = new ArrayList<>();
                  for (int i = 0; i < size; i++) {
                    shipments.add(confirmedShipment(orderId));
                  }
                  return shipments;
                }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        all.addAll(future.get());
      }
      return List.copyOf(all);
    } finally {
      executor.shutdownNow();
    }
  }
}
