package io.tradeledger.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.chaincode.contract.OrderContract;
import io.tradeledger.chaincode.contract.ShipmentContract;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A standard order between the consortium's importer and exporter, driven through the contracts.
 */
public final class TradeFixtures {
  /**
   * Canonical confidential terms (sorted properties, no white space) that price the order: 500
   * phones at 250.00 EUR are 125,000.00 EUR, less a 2.5% discount of 3,125.00 EUR, plus the CIF
   * freight (2,500.00 EUR) and insurance (625.00 EUR) the seller itemises: 125,000.00 EUR, the
   * order's total value.
   */
  public static final String TERMS =
      "{\"charges\":[{\"amount\":{\"amount\":250000,\"currency\":\"EUR\"},"
          + "\"description\":\"Ocean freight CNYTN-SEGOT\"},"
          + "{\"amount\":{\"amount\":62500,\"currency\":\"EUR\"},"
          + "\"description\":\"Marine cargo insurance ICC (A) 110%\"}],"
          + "\"clauses\":[\"Seller warrants 24 months\"],\"discountBasisPoints\":250,"
          + "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],"
          + "\"salt\":\"0123456789abcdef0123456789abcdef\"}";

  public static final String TERMS_HASH = sha256(TERMS);

  private TradeFixtures() {}

  /**
   * A CIF order of 125,000.00 EUR: 30% due 30 days after acceptance, 70% 10 days after delivery.
   */
  public static String proposal(String orderId) {
    return """
        {"orderId":"%s","sellerMsp":"ExporterMSP",\
        "lines":[{"hsCode":"851712","description":"Mobile phones","quantity":500,"unit":"H87"}],\
        "incoterm":"CIF","incotermPlace":"SEGOT","origin":"CNSZX","destination":"SEGOT","requestedDeliveryDate":"2026-06-30",\
        "totalValue":{"amount":12500000,"currency":"EUR"},"termsHash":"%s",\
        "milestones":[{"milestoneId":"deposit","shareBasisPoints":3000,"trigger":"ACCEPTANCE","daysDue":30},\
        {"milestoneId":"balance","shareBasisPoints":7000,"trigger":"DELIVERY","daysDue":10}]}"""
        .formatted(orderId, TERMS_HASH);
  }

  public static Map<String, byte[]> termsTransient() {
    return Map.of(OrderContract.TERMS, TERMS.getBytes(UTF_8));
  }

  /** Proposes the order as the importer. */
  public static void propose(FakeLedger ledger, String orderId) {
    OrderContract orders = new OrderContract();
    ledger.submit(Consortium.IMPORTER, context -> orders.proposeOrder(context, proposal(orderId)));
  }

  /** Proposes, stores both parties' terms and accepts the order. */
  public static void accept(FakeLedger ledger, String orderId) {
    OrderContract orders = new OrderContract();
    propose(ledger, orderId);
    storeTerms(ledger, Consortium.IMPORTER, orderId);
    storeTerms(ledger, Consortium.EXPORTER, orderId);
    ledger.submit(Consortium.EXPORTER, context -> orders.acceptOrder(context, orderId));
  }

  /** A sea shipment of the order on the consortium's carrier, in container CSQU3054383. */
  public static String booking(String shipmentId, String orderId) {
    return """
        {"shipmentId":"%s","orderId":"%s","carrierMsp":"CarrierMSP","mode":"SEA",\
        "transportDocumentNumber":"MAEU123456789","containers":["CSQU3054383"],\
        "portOfLoading":"CNYTN","portOfDischarge":"SEGOT",\
        "plannedDeparture":"2026-04-01","plannedArrival":"2026-05-10"}"""
        .formatted(shipmentId, orderId);
  }

  /** Books the shipment as the exporter and confirms it as the carrier. */
  public static void bookAndConfirm(FakeLedger ledger, String shipmentId, String orderId) {
    ShipmentContract shipments = new ShipmentContract();
    ledger.submit(
        Consortium.EXPORTER,
        context -> shipments.bookShipment(context, booking(shipmentId, orderId)));
    ledger.submit(Consortium.CARRIER, context -> shipments.confirmShipment(context, shipmentId));
  }

  /** An ACTUAL event report; {@code number} makes the event id. */
  public static String event(int number, String shipmentId, String type, String code) {
    return """
        {"eventId":"%s","shipmentId":"%s","eventType":"%s","eventCode":"%s",\
        "eventClassifier":"ACTUAL","location":"SEGOT","eventDateTime":"2026-04-0%dT10:00:00Z"}"""
        .formatted(eventId(number), shipmentId, type, code, Math.min(number, 9));
  }

  public static String eventId(int number) {
    return "00000000-0000-4000-8000-%012d".formatted(number);
  }

  /** The carrier records DEPARTED, ARRIVED and DROPPED_OFF: the shipment is DELIVERED. */
  public static void deliver(FakeLedger ledger, String shipmentId, int firstEvent) {
    ShipmentContract shipments = new ShipmentContract();
    String batch =
        "{\"shipmentId\":\"%s\",\"events\":[%s,%s,%s]}"
            .formatted(
                shipmentId,
                event(firstEvent, shipmentId, "TRANSPORT", "DEPARTED"),
                event(firstEvent + 1, shipmentId, "TRANSPORT", "ARRIVED"),
                event(firstEvent + 2, shipmentId, "EQUIPMENT", "DROPPED_OFF"));
    ledger.submit(Consortium.CARRIER, context -> shipments.recordShipmentEvents(context, batch));
  }

  public static void storeTerms(FakeLedger ledger, Identity party, String orderId) {
    OrderContract orders = new OrderContract();
    ledger.submit(party, termsTransient(), context -> orders.storeOrderTerms(context, orderId));
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The standard order under another Incoterms rule and named place; {@code sellerContracts} adds
   * {@code "sellerContractsCarriage":true}.
   */
  public static String proposal(
      String orderId, String incoterm, String place, boolean sellerContracts) {
    return proposal(orderId)
        .replace(
            "\"incoterm\":\"CIF\",\"incotermPlace\":\"SEGOT\"",
            "\"incoterm\":\"%s\",\"incotermPlace\":\"%s\"%s"
                .formatted(
                    incoterm, place, sellerContracts ? ",\"sellerContractsCarriage\":true" : ""));
  }

  /** Proposes the given order as the importer, stores both parties' terms and accepts it. */
  public static void accept(FakeLedger ledger, String orderId, String proposal) {
    OrderContract orders = new OrderContract();
    ledger.submit(Consortium.IMPORTER, context -> orders.proposeOrder(context, proposal));
    storeTerms(ledger, Consortium.IMPORTER, orderId);
    storeTerms(ledger, Consortium.EXPORTER, orderId);
    ledger.submit(Consortium.EXPORTER, context -> orders.acceptOrder(context, orderId));
  }
}
