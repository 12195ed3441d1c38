package io.tradeledger.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ClaimStatus;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.Payment;
import io.tradeledger.contract.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules contract-api's input records enforce, written into the OpenAPI document's request
 * schemas: patterns, lengths, minimums and maximums, list sizes, enumerations and required
 * properties, taken from contract-api's own constants ({@link Checks}' patterns and code lists, the
 * records' limits) so that each rule is written once. Rules between properties (milestone shares
 * adding up to 10000, an event code of its event type, ...) are in the descriptions. contract-api
 * has no swagger dependency, so they are applied here to the generated schemas.
 */
public final class RequestConstraints {
  /** The schemas of request bodies, whose rules are documented here. */
  public static final List<String> REQUEST_SCHEMAS =
      List.of(
          "Booking",
          "Charge",
          "ClaimFiling",
          "ConfidentialTerms",
          "DecideClaim",
          "DecideDeclaration",
          "DeclarationFiling",
          "DocumentAnchor",
          "EventBatch",
          "EventReport",
          "LinePrice",
          "MilestoneTerms",
          "Money",
          "OrderLine",
          "OrderProposal",
          "ParticipantChangeRequest",
          "ParticipantProfile",
          "PaymentReference",
          "PolicyIssue",
          "PositiveMoney",
          "ProposeOrder",
          "Reason",
          "ShipmentLine",
          "Terms");

  private static final String POSITIVE_MONEY = "#/components/schemas/PositiveMoney";
  private static final int LARGEST_LIST = 100;

  private RequestConstraints() {}

  /** Adds the rules to the document's request schemas, and the schema PositiveMoney. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-core's models are raw types
  public static void apply(OpenAPI document) {
    if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = document.getComponents().getSchemas();
    if (schemas.containsKey("Money") && !schemas.containsKey("PositiveMoney")) {
      schemas.put("PositiveMoney", positiveMoney(schemas.get("Money")));
    }
    RULES.forEach(
        (schemaName, properties) -> {
          Schema schema = schemas.get(schemaName);
          if (schema == null || schema.getProperties() == null) {
            return;
          }
          properties.forEach(
              (property, rule) -> {
                Object value = schema.getProperties().get(property);
                if (value instanceof Schema<?> propertySchema) {
                  rule.accept(propertySchema);
                }
              });
          List<String> required = REQUIRED.get(schemaName);
          if (required != null) {
            schema.setRequired(required);
          }
        });
    Schema anchor = schemas.get("DocumentAnchor");
    if (anchor != null) {
      anchor.description("Exactly one of orderId and shipmentId.");
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema positiveMoney(Schema money) {
    Schema amount =
        new Schema<>().type("integer").format("int64").minimum(java.math.BigDecimal.ONE);
    Map<String, Schema> properties = new TreeMap<>(money.getProperties());
    properties.put("amount", amount);
    return new Schema<>()
        .type("object")
        .description("an amount of money above zero, in minor units")
        .properties(properties)
        .required(List.of("amount", "currency"));
  }

  // The rules of each property, by schema.

  private static final Map<String, Map<String, Consumer<Schema<?>>>> RULES = new TreeMap<>();
  private static final Map<String, List<String>> REQUIRED = new TreeMap<>();

  static {
    Consumer<Schema<?>> id = pattern(Checks.ID, "o-2026-0001");
    Consumer<Schema<?>> uuid = pattern(Checks.UUID, "0b7f1d1e-5c2a-4f7e-9a51-3c3f4a7d9e10");
    Consumer<Schema<?>> msp = pattern(Checks.MSP_ID, "ExporterMSP");
    Consumer<Schema<?>> locode = locode();
    Consumer<Schema<?>> sha256 =
        pattern(Checks.SHA256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    Consumer<Schema<?>> hsCode = pattern(Checks.HS_CODE, "851712");
    Consumer<Schema<?>> container =
        pattern(Checks.CONTAINER, "CSQU3054383")
            .andThen(
                s ->
                    s.format("iso6346")
                        .description(
                            "ISO 6346 container number; the last digit is its check digit"));
    Consumer<Schema<?>> text = text(Checks.MAX_TEXT);
    Consumer<Schema<?>> optionalText = text(Checks.MAX_TEXT);
    Consumer<Schema<?>> positive = minimum(1);
    Consumer<Schema<?>> positiveMoney = s -> s.set$ref(POSITIVE_MONEY);

    rules(
        "Money",
        Map.of(
            "amount", minimum(0),
            "currency", enumeration(Checks.tradingCurrencies(), "ISO 4217 trading currency")),
        "currency");
    rules(
        "OrderLine",
        Map.of(
            "hsCode", hsCode,
            "description", text,
            "quantity", positive,
            "unit", enumeration(Checks.units(), "UN/ECE Recommendation 20 unit")),
        "hsCode",
        "description",
        "quantity",
        "unit");
    rules(
        "MilestoneTerms",
        Map.of(
            "milestoneId", id,
            "shareBasisPoints", range(1, MilestoneTerms.WHOLE),
            "daysDue", range(0, 365),
            "proRata",
                describe("only with a shipment trigger (not ACCEPTANCE); false means absent")),
        "milestoneId",
        "shareBasisPoints",
        "trigger");
    Map<String, Consumer<Schema<?>>> order = new TreeMap<>();
    order.put("orderId", id);
    order.put("sellerMsp", msp);
    order.put("lines", list(1, OrderProposal.MAX_LINES, false));
    order.put("incotermPlace", locode);
    order.put(
        "sellerContractsCarriage", describe("only under EXW, FCA, FAS or FOB; false means absent"));
    order.put("origin", locode);
    order.put("destination", locode);
    order.put("totalValue", positiveMoney);
    order.put("termsHash", sha256);
    order.put(
        "milestones",
        list(1, 20, false)
            .andThen(
                describe(
                    "distinct milestoneIds whose shareBasisPoints add up to "
                        + MilestoneTerms.WHOLE)));
    rules(
        "OrderProposal",
        order,
        "orderId",
        "sellerMsp",
        "lines",
        "incoterm",
        "incotermPlace",
        "origin",
        "destination",
        "requestedDeliveryDate",
        "totalValue",
        "termsHash",
        "milestones");
    Map<String, Consumer<Schema<?>>> propose = new TreeMap<>(order);
    propose.remove("termsHash");
    rules(
        "ProposeOrder",
        propose,
        "orderId",
        "sellerMsp",
        "lines",
        "incoterm",
        "incotermPlace",
        "origin",
        "destination",
        "requestedDeliveryDate",
        "totalValue",
        "milestones",
        "terms");
    Consumer<Schema<?>> salt = pattern(ConfidentialTerms.SALT, "s".repeat(32));
    Consumer<Schema<?>> clauses =
        list(0, 50, false).andThen(items(text(ConfidentialTerms.MAX_CLAUSE)));
    Consumer<Schema<?>> linePrices =
        list(1, LARGEST_LIST, false).andThen(describe("each order line priced once"));
    Consumer<Schema<?>> charges = list(0, 20, false);
    Consumer<Schema<?>> discount = range(0, MilestoneTerms.WHOLE);
    rules(
        "ConfidentialTerms",
        Map.of(
            "salt", salt,
            "linePrices", linePrices,
            "discountBasisPoints", discount,
            "charges", charges,
            "clauses", clauses),
        "salt",
        "linePrices");
    rules(
        "Terms",
        Map.of(
            "salt", salt,
            "linePrices", linePrices,
            "discountBasisPoints", discount,
            "charges", charges,
            "clauses", clauses),
        "linePrices");
    rules(
        "LinePrice",
        Map.of("line", range(1, LARGEST_LIST), "unitPrice", positiveMoney),
        "line",
        "unitPrice");
    rules("Charge", Map.of("description", text, "amount", positiveMoney), "description", "amount");
    rules("Reason", Map.of("reason", text), "reason");
    rules(
        "PaymentReference",
        Map.of("paymentReference", text(Payment.MAX_REFERENCE)),
        "paymentReference");
    rules(
        "DecideDeclaration",
        Map.of(
            "decision", without(DeclarationStatus.values(), DeclarationStatus.FILED),
            "assessedDuties", describe("required for RELEASED, refused otherwise"),
            "reason", text.andThen(describe("required for REJECTED, refused otherwise"))),
        "decision");
    rules(
        "DecideClaim",
        Map.of(
            "decision", without(ClaimStatus.values(), ClaimStatus.FILED),
            "settledAmount",
                positiveMoney.andThen(describe("required for SETTLED, refused otherwise")),
            "reason", text.andThen(describe("required for REJECTED, optional otherwise"))),
        "decision");
    Map<String, Consumer<Schema<?>>> booking = new TreeMap<>();
    booking.put("shipmentId", id);
    booking.put("orderId", id);
    booking.put("carrierMsp", msp);
    booking.put("transportDocumentNumber", text(Booking.MAX_DOCUMENT_NUMBER));
    booking.put("containers", list(0, 200, true).andThen(items(container)));
    booking.put("portOfLoading", locode);
    booking.put("portOfDischarge", locode.andThen(describe("not portOfLoading")));
    booking.put("plannedArrival", describe("not before plannedDeparture"));
    booking.put(
        "lines",
        list(1, OrderProposal.MAX_LINES, false).andThen(describe("distinct line numbers")));
    rules(
        "Booking",
        booking,
        "shipmentId",
        "orderId",
        "carrierMsp",
        "mode",
        "transportDocumentNumber",
        "portOfLoading",
        "portOfDischarge",
        "plannedDeparture",
        "plannedArrival",
        "lines");
    rules(
        "ShipmentLine",
        Map.of("line", range(1, OrderProposal.MAX_LINES), "quantity", positive),
        "line",
        "quantity");
    Map<String, Consumer<Schema<?>>> event = new TreeMap<>();
    event.put("eventId", uuid);
    event.put("shipmentId", id);
    event.put(
        "eventCode",
        enumeration(
                Arrays.stream(EventType.values())
                    .flatMap(type -> type.codes().stream())
                    .distinct()
                    .sorted()
                    .toList(),
                "DCSA event code")
            .andThen(describe("one of the codes of its eventType")));
    event.put("location", locode);
    event.put("equipmentReference", container);
    event.put("retractsEventId", uuid.andThen(describe("another event of the shipment")));
    event.put("remarks", optionalText);
    event.put("emptyIndicatorCode", describe("EQUIPMENT events only"));
    rules(
        "EventReport",
        event,
        "eventId",
        "shipmentId",
        "eventType",
        "eventCode",
        "eventClassifier",
        "location",
        "eventDateTime");
    rules(
        "EventBatch",
        Map.of(
            "shipmentId",
            id,
            "events",
            list(1, EventBatch.MAX_BATCH, false)
                .andThen(describe("distinct eventIds, each of this shipmentId"))),
        "shipmentId",
        "events");
    rules(
        "DeclarationFiling",
        Map.of(
            "declarationId", id,
            "shipmentId", id,
            "customsMsp", msp,
            "declaredValue", positiveMoney,
            "hsCodes", list(1, LARGEST_LIST, true).andThen(items(hsCode))),
        "declarationId",
        "shipmentId",
        "customsMsp",
        "declaredValue",
        "hsCodes");
    rules(
        "PolicyIssue",
        Map.of(
            "policyId", id,
            "shipmentId", id,
            "insuredMsp", msp,
            "beneficiaryMsps",
                list(0, 5, true).andThen(items(msp)).andThen(describe("not the insuredMsp")),
            "coverAmount", positiveMoney,
            "attachesFromShipment", describe("false means absent"),
            "certificateHash", sha256),
        "policyId",
        "shipmentId",
        "insuredMsp",
        "coverAmount",
        "clauses",
        "certificateHash");
    rules(
        "ClaimFiling",
        Map.of(
            "claimId", id,
            "policyId", id,
            "amount", positiveMoney,
            "description", text,
            "evidenceHashes", list(1, 20, true).andThen(items(sha256))),
        "claimId",
        "policyId",
        "amount",
        "description",
        "evidenceHashes");
    rules(
        "DocumentAnchor",
        Map.of(
            "documentId", id,
            "sha256", sha256,
            "orderId", id,
            "shipmentId", id,
            "supersedesDocumentId", id.andThen(describe("another document"))),
        "documentId",
        "documentType",
        "sha256");
    rules(
        "ParticipantProfile",
        Map.of(
            "mspId", msp,
            "legalName", text(ParticipantProfile.MAX_LEGAL_NAME),
            "country", enumeration(Checks.countries(), "ISO 3166-1 alpha-2 country"),
            "roles", list(1, Role.values().length, true)),
        "mspId",
        "legalName",
        "country",
        "roles");
    rules("ParticipantChangeRequest", Map.of("changeId", id), "changeId", "participant");
  }

  private static void rules(
      String schema, Map<String, Consumer<Schema<?>>> properties, String... required) {
    RULES.put(schema, Map.copyOf(properties));
    REQUIRED.put(schema, List.of(required));
  }

  /** The whole value matches {@code pattern} (OpenAPI patterns are not anchored by themselves). */
  private static Consumer<Schema<?>> pattern(Pattern pattern, String example) {
    return schema -> schema.pattern("^" + pattern.pattern() + "$").example(example);
  }

  /** A UN/LOCODE whose country is one of contract-api's: the pattern names every country. */
  private static Consumer<Schema<?>> locode() {
    String countries = Checks.countries().stream().collect(Collectors.joining("|"));
    String place = Checks.LOCODE.pattern().substring("[A-Z]{2}".length());
    return schema ->
        schema
            .pattern("^(?:" + countries + ")" + place + "$")
            .example("NLRTM")
            .description("UN/LOCODE: an ISO 3166 country and three letters or digits 2-9");
  }

  /** Text of 1 to {@code max} characters that is not blank. */
  private static Consumer<Schema<?>> text(int max) {
    return schema -> schema.minLength(1).maxLength(max).pattern("\\S");
  }

  private static Consumer<Schema<?>> minimum(long minimum) {
    return schema -> schema.minimum(java.math.BigDecimal.valueOf(minimum));
  }

  private static Consumer<Schema<?>> range(long minimum, long maximum) {
    return schema ->
        schema
            .minimum(java.math.BigDecimal.valueOf(minimum))
            .maximum(java.math.BigDecimal.valueOf(maximum));
  }

  private static Consumer<Schema<?>> list(int minItems, int maxItems, boolean unique) {
    return schema -> {
      schema.minItems(minItems).maxItems(maxItems);
      if (unique) {
        schema.uniqueItems(true);
      }
    };
  }

  private static Consumer<Schema<?>> items(Consumer<Schema<?>> rule) {
    return schema -> {
      if (schema.getItems() != null) {
        rule.accept(schema.getItems());
      }
    };
  }

  @SuppressWarnings("unchecked") // an enumeration of a string schema
  private static Consumer<Schema<?>> enumeration(List<String> values, String what) {
    return schema -> {
      ((Schema<String>) schema).setEnum(List.copyOf(values));
      schema.description(what);
    };
  }

  private static <E extends Enum<E>> Consumer<Schema<?>> without(E[] values, E excluded) {
    return enumeration(
        Arrays.stream(values).filter(value -> value != excluded).map(Enum::name).toList(),
        "not " + excluded.name());
  }

  private static Consumer<Schema<?>> describe(String rule) {
    return schema ->
        schema.description(
            schema.getDescription() == null ? rule : schema.getDescription() + "; " + rule);
  }
}
