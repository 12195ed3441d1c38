package io.tradeledger.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  record Sample(String zebra, Instant at, Map<String, Integer> counts, String absent) {}

  @Test
  void writes_sorted_properties_sorted_maps_iso_times_and_no_nulls() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    counts.put("b", 2);
    counts.put("a", 1);

    String json =
        CanonicalJson.write(new Sample("z", Instant.parse("2026-03-01T08:00:00Z"), counts, null));

    assertThat(json)
        .isEqualTo(
            "{\"at\":\"2026-03-01T08:00:00Z\",\"counts\":{\"a\":1,\"b\":2},\"zebra\":\"z\"}");
  }

  @Test
  void parses_what_it_writes() {
    Money money = new Money(12_500, "EUR");
    assertThat(CanonicalJson.parse(CanonicalJson.write(money), Money.class)).isEqualTo(money);
    assertThat(CanonicalJson.write(new TreeMap<>(Map.of("k", money))))
        .isEqualTo("{\"k\":{\"amount\":12500,\"currency\":\"EUR\"}}");
  }

  @Test
  void rejects_unknown_properties_duplicates_fractions_coercions_and_trailing_tokens() {
    assertThatThrownBy(
            () -> CanonicalJson.parse("{\"amount\":1,\"currency\":\"EUR\",\"x\":1}", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: x: ");
    assertThatThrownBy(
            () ->
                CanonicalJson.parse(
                    "{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: ");
    assertThatThrownBy(
            () -> CanonicalJson.parse("{\"amount\":1.5,\"currency\":\"EUR\"}", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: amount: ");
    assertThatThrownBy(
            () -> CanonicalJson.parse("{\"amount\":\"15\",\"currency\":\"EUR\"}", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: amount: ");
    assertThatThrownBy(
            () -> CanonicalJson.parse("{\"amount\":15,\"currency\":\"EUR\"} {}", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: ");
    assertThatThrownBy(() -> CanonicalJson.parse("{\"amount\":15", Money.class))
        .hasMessageStartingWith("INVALID_INPUT: ");
    assertThatThrownBy(() -> CanonicalJson.parse("", Money.class))
        .hasMessage("INVALID_INPUT: the argument must be a JSON document");
  }

  @Test
  void rejects_oversized_arguments_before_parsing_them() {
    String huge = "{\"currency\":\"" + "X".repeat(CanonicalJson.MAX_INPUT_CHARS) + "\"}";
    assertThatThrownBy(() -> CanonicalJson.parse(huge, Money.class))
        .hasMessageStartingWith("INVALID_INPUT: the argument has ");
  }

  @Test
  void a_missing_primitive_is_rejected_rather_than_defaulted_to_zero() {
    assertThatThrownBy(
            () ->
                CanonicalJson.parse(
                    "{\"hsCode\":\"851712\",\"description\":\"x\",\"unit\":\"H87\"}",
                    OrderLine.class))
        .hasMessageStartingWith("INVALID_INPUT: ");
  }

  @Test
  void domain_rules_broken_in_a_constructor_name_the_field() {
    assertThatThrownBy(
            () -> CanonicalJson.parse("{\"amount\":-1,\"currency\":\"EUR\"}", Money.class))
        .hasMessage("INVALID_INPUT: amount must not be negative");
  }
}
