package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.api.Requests;
import io.tradeledger.api.openapi.RequestConstraints;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.DeclarationFiling;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.ParticipantChangeRequest;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.ShipmentLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document carries the rules contract-api's records enforce. For every request schema
 * the constraints are there; then, for each constrained property of a valid request, values at the
 * edges of what the document allows are accepted by the records' own validation, and values just
 * outside are refused. The samples are generated from the served document, not from the records.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiConstraintsTest {
  private static final ObjectMapper MAPPER = strictMapper();
  private static final String HASH = "ab".repeat(32);
  private static final String SALT = "s".repeat(32);
  private static final Pattern SIMPLE = Pattern.compile("\\^\\[([^]]+)]\\{(\\d+)(?:,(\\d+))?}\\$");

  /**
   * Properties whose values must also agree with another property (described in the document, so
   * not generated here) or with a check digit: only their refusals are checked.
   */
  private static final Set<String> CROSS_FIELD =
      Set.of(
          "DecideClaim.decision",
          "DecideDeclaration.decision",
          "EventReport.eventType",
          "EventReport.eventCode",
          "EventReport.emptyIndicatorCode",
          "EventBatch.shipmentId",
          "DocumentAnchor.shipmentId",
          "Booking.containers");

  private final TestApi api = new TestApi(new FakeLedgerPort());

  /** The service's own reading of request bodies. */
  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = Jackson.newObjectMapper();
    TradeLedgerApplication.strict(mapper);
    return mapper;
  }

  /** A valid request of each schema, and how contract-api (or the service) validates it. */
  private record Sample(String json, Validation validation) {}

  @FunctionalInterface
  private interface Validation {
    void validate(JsonNode request) throws Exception;
  }

  private static Validation as(Class<?> type) {
    return request -> MAPPER.treeToValue(request, type);
  }

  private static final String MONEY = "{\"amount\":1,\"currency\":\"EUR\"}";
  private static final String EVENT =
      "{\"eventId\":\"11111111-1111-4111-8111-111111111111\",\"shipmentId\":\"s-1\","
          + "\"eventType\":\"TRANSPORT\",\"eventCode\":\"DEPARTED\",\"eventClassifier\":\"ACTUAL\","
          + "\"location\":\"SEGOT\",\"eventDateTime\":\"2026-01-01T00:00:00Z\"}";
  private static final String PROFILE =
      "{\"mspId\":\"ImporterMSP\",\"legalName\":\"Nordic Imports AB\",\"country\":\"SE\","
          + "\"roles\":[\"IMPORTER\"]}";
  private static final String TERMS =
      "{\"linePrices\":[{\"line\":1,\"unitPrice\":" + MONEY + "}],\"discountBasisPoints\":0}";

  private static Map<String, Sample> samples() {
    Map<String, Sample> samples = new TreeMap<>();
    samples.put("Money", new Sample("{\"amount\":0,\"currency\":\"EUR\"}", as(Money.class)));
    samples.put(
        "PositiveMoney",
        new Sample(MONEY, request -> MAPPER.treeToValue(request, Money.class).positive("amount")));
    samples.put(
        "OrderLine",
        new Sample(
            "{\"hsCode\":\"851712\",\"description\":\"Phones\",\"quantity\":1,\"unit\":\"H87\"}",
            as(OrderLine.class)));
    samples.put(
        "MilestoneTerms",
        new Sample(
            "{\"milestoneId\":\"m-1\",\"shareBasisPoints\":10000,\"trigger\":\"DELIVERY\","
                + "\"daysDue\":0}",
            as(MilestoneTerms.class)));
    String order = TestApi.ORDER.replaceFirst(",\"terms\":\\{.*}}$", "}");
    samples.put(
        "OrderProposal",
        new Sample(
            order.replace("\"milestones\"", "\"termsHash\":\"" + HASH + "\",\"milestones\""),
            as(OrderProposal.class)));
    samples.put(
        "ProposeOrder",
        new Sample(
            order.replaceFirst("}$", ",\"terms\":" + TERMS + "}"),
            request -> {
              ObjectNode proposal = request.deepCopy();
              JsonNode terms = proposal.remove("terms");
              proposal.put("termsHash", HASH);
              MAPPER.treeToValue(proposal, OrderProposal.class);
              MAPPER.treeToValue(terms, Requests.Terms.class).salted(SALT);
            }));
    samples.put(
        "Terms",
        new Sample(
            TERMS, request -> MAPPER.treeToValue(request, Requests.Terms.class).salted(SALT)));
    samples.put(
        "ConfidentialTerms",
        new Sample(
            TERMS.replaceFirst("^\\{", "{\"salt\":\"" + SALT + "\","),
            as(ConfidentialTerms.class)));
    samples.put(
        "LinePrice",
        new Sample(
            "{\"line\":1,\"unitPrice\":" + MONEY + "}", as(ConfidentialTerms.LinePrice.class)));
    samples.put(
        "Charge",
        new Sample(
            "{\"description\":\"Freight\",\"amount\":" + MONEY + "}",
            as(ConfidentialTerms.Charge.class)));
    samples.put(
        "Reason",
        new Sample(
            "{\"reason\":\"late\"}",
            request -> MAPPER.treeToValue(request, Requests.Reason.class).of("o-1")));
    samples.put(
        "PaymentReference",
        new Sample(
            "{\"paymentReference\":\"PAY-1\"}",
            request ->
                MAPPER.treeToValue(request, Requests.PaymentReference.class).of("o-1", "m-1")));
    samples.put(
        "DecideDeclaration",
        new Sample(
            "{\"decision\":\"REJECTED\",\"reason\":\"papers missing\"}",
            request -> MAPPER.treeToValue(request, Requests.DecideDeclaration.class).of("d-1")));
    samples.put(
        "DecideClaim",
        new Sample(
            "{\"decision\":\"REJECTED\",\"reason\":\"not covered\"}",
            request -> MAPPER.treeToValue(request, Requests.DecideClaim.class).of("c-1")));
    samples.put(
        "Booking",
        new Sample(
            "{\"shipmentId\":\"s-1\",\"orderId\":\"o-1\",\"carrierMsp\":\"CarrierMSP\","
                + "\"mode\":\"SEA\",\"transportDocumentNumber\":\"MAEU1\",\"containers\":[],"
                + "\"portOfLoading\":\"CNSZX\",\"portOfDischarge\":\"SEGOT\","
                + "\"plannedDeparture\":\"2026-01-01\",\"plannedArrival\":\"2026-02-01\","
                + "\"lines\":[{\"line\":1,\"quantity\":1}]}",
            as(Booking.class)));
    samples.put("ShipmentLine", new Sample("{\"line\":1,\"quantity\":1}", as(ShipmentLine.class)));
    samples.put("EventReport", new Sample(EVENT, as(EventReport.class)));
    samples.put(
        "EventBatch",
        new Sample("{\"shipmentId\":\"s-1\",\"events\":[" + EVENT + "]}", as(EventBatch.class)));
    samples.put(
        "DeclarationFiling",
        new Sample(
            "{\"declarationId\":\"d-1\",\"shipmentId\":\"s-1\",\"customsMsp\":\"CustomsMSP\","
                + "\"declaredValue\":"
                + MONEY
                + ",\"hsCodes\":[\"851712\"]}",
            as(DeclarationFiling.class)));
    samples.put(
        "PolicyIssue",
        new Sample(
            "{\"policyId\":\"p-1\",\"shipmentId\":\"s-1\",\"insuredMsp\":\"ImporterMSP\","
                + "\"coverAmount\":"
                + MONEY
                + ",\"clauses\":\"ICC_A\",\"certificateHash\":\""
                + HASH
                + "\"}",
            as(PolicyIssue.class)));
    samples.put(
        "ClaimFiling",
        new Sample(
            "{\"claimId\":\"c-1\",\"policyId\":\"p-1\",\"amount\":"
                + MONEY
                + ",\"description\":\"water damage\",\"evidenceHashes\":[\""
                + HASH
                + "\"]}",
            as(ClaimFiling.class)));
    samples.put(
        "DocumentAnchor",
        new Sample(
            "{\"documentId\":\"d-1\",\"documentType\":\"OTHER\",\"sha256\":\""
                + HASH
                + "\",\"orderId\":\"o-1\"}",
            as(DocumentAnchor.class)));
    samples.put("ParticipantProfile", new Sample(PROFILE, as(ParticipantProfile.class)));
    samples.put(
        "ParticipantChangeRequest",
        new Sample(
            "{\"changeId\":\"ch-1\",\"participant\":" + PROFILE + "}",
            as(ParticipantChangeRequest.class)));
    return samples;
  }

  /** Distinct items for lists whose items must differ in a property (ids, line numbers). */
  private static Optional<IntFunction<JsonNode>> distinctItems(String property, JsonNode first) {
    return switch (property) {
      case "Booking.lines" -> Optional.of(i -> with(first, "line", i + 1));
      case "OrderProposal.milestones", "ProposeOrder.milestones" -> Optional.empty();
      case "Terms.linePrices", "ConfidentialTerms.linePrices" ->
          Optional.of(i -> with(first, "line", i + 1));
      case "EventBatch.events" ->
          Optional.of(
              i -> {
                ObjectNode event = first.deepCopy();
                event.put("eventId", String.format("%08x-1111-4111-8111-111111111111", i));
                return event;
              });
      default -> Optional.of(i -> first);
    };
  }

  private static JsonNode with(JsonNode node, String field, int value) {
    ObjectNode copy = node.deepCopy();
    copy.put(field, value);
    return copy;
  }

  private JsonNode document() throws Exception {
    return MAPPER.readTree(api.request("/openapi.json", null).get(String.class));
  }

  @Test
  void every_request_schema_documents_its_constraints() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");

    for (String name : RequestConstraints.REQUEST_SCHEMAS) {
      JsonNode schema = schemas.path(name);
      assertThat(schema.isObject()).as(name).isTrue();
      assertThat(schema.path("required").size()).as(name + " required").isPositive();
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        JsonNode rule = property.getValue();
        String where = name + "." + property.getKey();
        switch (rule.path("type").asText()) {
          case "string" -> {
            if (!rule.has("format")) {
              assertThat(rule.has("pattern") || rule.has("enum")).as(where).isTrue();
            }
          }
          case "integer" -> assertThat(rule.has("minimum")).as(where).isTrue();
          case "array" -> {
            assertThat(rule.has("maxItems")).as(where).isTrue();
            JsonNode items = rule.path("items");
            if (items.path("type").asText().equals("string")) {
              assertThat(items.has("pattern") || items.has("enum")).as(where + "[]").isTrue();
            }
          }
          default -> {}
        }
      }
    }
    assertThat(schemas.path("DecideClaim").path("properties").path("decision").path("enum"))
        .extracting(JsonNode::asText)
        .doesNotContain("FILED");
  }

  @Test
  void requests_at_the_edges_of_the_document_are_accepted_and_just_outside_refused()
      throws Exception {
    JsonNode schemas = document().path("components").path("schemas");
    List<String> failures = new ArrayList<>();
    int checked = 0;

    for (Map.Entry<String, Sample> entry : samples().entrySet()) {
      String name = entry.getKey();
      Sample sample = entry.getValue();
      ObjectNode base = (ObjectNode) MAPPER.readTree(sample.json());
      check(failures, name + " as given", sample, base, true);
      for (Map.Entry<String, JsonNode> property :
          schemas.path(name).path("properties").properties()) {
        String where = name + "." + property.getKey();
        for (Edge edge : edges(where, property.getValue(), base.get(property.getKey()))) {
          ObjectNode request = base.deepCopy();
          request.set(property.getKey(), edge.value());
          check(failures, where + " = " + abbreviate(edge.value()), sample, request, edge.inside());
          checked++;
        }
      }
    }

    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(200);
  }

  private record Edge(JsonNode value, boolean inside) {}

  private static void check(
      List<String> failures, String what, Sample sample, JsonNode request, boolean accept) {
    boolean accepted;
    String reason = "";
    try {
      sample.validation().validate(request);
      accepted = true;
    } catch (Exception e) {
      accepted = false;
      reason = e.getMessage();
    }
    if (accepted != accept) {
      failures.add(what + (accept ? " was refused: " + reason : " was accepted"));
    }
  }

  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
  }

  /** Values at the edges of a property's documented rule, and values just outside them. */
  private static List<Edge> edges(String where, JsonNode rule, JsonNode current) {
    List<Edge> edges = new ArrayList<>();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    boolean crossField = CROSS_FIELD.contains(where);
    switch (rule.path("type").asText()) {
      case "string" -> {
        for (String value : strings(rule)) {
          if (!crossField) {
            edges.add(new Edge(nodes.textNode(value), true));
          }
        }
        for (String value : outsideStrings(rule)) {
          edges.add(new Edge(nodes.textNode(value), false));
        }
      }
      case "integer" -> {
        if (rule.has("minimum")) {
          long minimum = rule.path("minimum").asLong();
          edges.add(new Edge(nodes.numberNode(minimum), true));
          edges.add(new Edge(nodes.numberNode(minimum - 1), false));
        }
        if (rule.has("maximum")) {
          long maximum = rule.path("maximum").asLong();
          edges.add(new Edge(nodes.numberNode(maximum), true));
          edges.add(new Edge(nodes.numberNode(maximum + 1), false));
        }
      }
      case "array" -> {
        JsonNode first = current != null && current.size() > 0 ? current.get(0) : null;
        JsonNode items = rule.path("items");
        IntFunction<JsonNode> item = arrayItems(where, items, first);
        if (item == null) {
          break;
        }
        int minimum = rule.path("minItems").asInt(0);
        int maximum = rule.path("maxItems").asInt();
        edges.add(new Edge(array(item, minimum), true));
        if (!crossField && (distinctItems(where, first).isPresent() || first == null)) {
          edges.add(new Edge(array(item, maximum), true));
        }
        if (minimum > 0) {
          edges.add(new Edge(array(item, minimum - 1), false));
        }
        edges.add(new Edge(array(item, maximum + 1), false));
      }
      default -> {}
    }
    return edges;
  }

  private static IntFunction<JsonNode> arrayItems(String where, JsonNode items, JsonNode first) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (items.has("enum")) {
      List<String> values = new ArrayList<>();
      items.path("enum").forEach(value -> values.add(value.asText()));
      return i -> nodes.textNode(values.get(Math.min(i, values.size() - 1)));
    }
    if (items.path("type").asText().equals("string")) {
      Matcher simple = SIMPLE.matcher(items.path("pattern").asText());
      if (simple.matches()) {
        String alphabet = expand(simple.group(1));
        int length = Integer.parseInt(simple.group(2));
        return i -> nodes.textNode(distinct(alphabet, length, i));
      }
      if (items.has("minLength")) {
        return i -> nodes.textNode("a");
      }
      if (first != null) {
        return i -> first;
      }
      return null;
    }
    if (first == null) {
      return null;
    }
    return distinctItems(where, first).orElse(i -> first);
  }

  private static ArrayNode array(IntFunction<JsonNode> item, int size) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < size; i++) {
      array.add(item.apply(i));
    }
    return array;
  }

  /** Values the rule allows: each end of its lengths, its example, the ends of its enumeration. */
  private static List<String> strings(JsonNode rule) {
    List<String> values = new ArrayList<>();
    String pattern = rule.path("pattern").asText(null);
    Matcher simple = pattern == null ? null : SIMPLE.matcher(pattern);
    if (rule.has("enum")) {
      values.add(rule.path("enum").get(0).asText());
      values.add(rule.path("enum").get(rule.path("enum").size() - 1).asText());
    } else if (simple != null && simple.matches()) {
      String alphabet = expand(simple.group(1));
      int minimum = Integer.parseInt(simple.group(2));
      int maximum = simple.group(3) == null ? minimum : Integer.parseInt(simple.group(3));
      values.add(repeat(alphabet.charAt(alphabet.length() - 1), minimum));
      values.add(repeat(alphabet.charAt(0), maximum));
    } else if (rule.has("minLength")) {
      values.add("a".repeat(rule.path("minLength").asInt()));
      values.add("a".repeat(rule.path("maxLength").asInt()));
    } else if (rule.has("example")) {
      values.add(rule.path("example").asText());
    }
    for (String value : values) {
      assertThat(meets(rule, value)).as(value + " meets " + rule).isTrue();
    }
    return values;
  }

  /** Values just outside the rule: one too short or too long, a wrong character, not listed. */
  private static List<String> outsideStrings(JsonNode rule) {
    List<String> values = new ArrayList<>();
    String pattern = rule.path("pattern").asText(null);
    Matcher simple = pattern == null ? null : SIMPLE.matcher(pattern);
    if (rule.has("enum")) {
      values.add("NOT_LISTED");
    } else if (simple != null && simple.matches()) {
      String alphabet = expand(simple.group(1));
      int minimum = Integer.parseInt(simple.group(2));
      int maximum = simple.group(3) == null ? minimum : Integer.parseInt(simple.group(3));
      if (minimum > 0) {
        values.add(repeat(alphabet.charAt(0), minimum - 1));
      }
      values.add(repeat(alphabet.charAt(0), maximum + 1));
      values.add(repeat(alphabet.charAt(0), Math.max(minimum, 1) - 1) + " ");
    } else if (rule.has("minLength")) {
      values.add("");
      values.add("a".repeat(rule.path("maxLength").asInt() + 1));
      values.add(" ");
    } else if (rule.has("example")) {
      values.add(rule.path("example").asText() + "X");
      values.add(rule.path("example").asText().toLowerCase(java.util.Locale.ROOT));
    }
    values.removeIf(value -> meets(rule, value));
    return values;
  }

  /** Whether a value meets the documented rule (patterns search, as JSON Schema's do). */
  private static boolean meets(JsonNode rule, String value) {
    if (rule.has("enum")) {
      for (JsonNode allowed : rule.path("enum")) {
        if (allowed.asText().equals(value)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("pattern")
        && !Pattern.compile(rule.path("pattern").asText()).matcher(value).find()) {
      return false;
    }
    int length = value.codePointCount(0, value.length());
    return length >= rule.path("minLength").asInt(0)
        && length <= rule.path("maxLength").asInt(Integer.MAX_VALUE);
  }

  /** The characters of a character class such as {@code A-Za-z0-9._-}. */
  private static String expand(String characterClass) {
    StringBuilder characters = new StringBuilder();
    for (int i = 0; i < characterClass.length(); i++) {
      char c = characterClass.charAt(i);
      if (i + 2 < characterClass.length() && characterClass.charAt(i + 1) == '-') {
        for (char d = c; d <= characterClass.charAt(i + 2); d++) {
          characters.append(d);
        }
        i += 2;
      } else {
        characters.append(c);
      }
    }
    return characters.toString();
  }

  private static String distinct(String alphabet, int length, int index) {
    StringBuilder value = new StringBuilder();
    int rest = index;
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(rest % alphabet.length()));
      rest /= alphabet.length();
    }
    return value.reverse().toString();
  }

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }
}
