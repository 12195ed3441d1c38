package io.tradeledger.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  @ParameterizedTest
  @ValueSource(strings = {"CSQU3054383", "MSCU1234566", "TGHU8808796", "MAEU1234567"})
  void accepts_container_numbers_with_a_valid_check_digit(String container) {
    assertThat(Checks.container("c", container)).isEqualTo(container);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"CSQU3054384", "CSQU305438", "CSQX3054383", "csqu3054383", "CSQU30543831"})
  void rejects_other_container_numbers(String container) {
    assertThatThrownBy(() -> Checks.container("c", container))
        .hasMessageStartingWith("INVALID_INPUT: c ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NLRTM", "SEGOT", "CNSZX", "USNYC", "DEHA2"})
  void accepts_un_locodes_of_known_countries(String locode) {
    assertThat(Checks.locode("l", locode)).isEqualTo(locode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XXRTM", "NLRT", "NLRT1", "nlrtm", "NL-RTM", "NLRTM1"})
  void rejects_malformed_un_locodes_or_unknown_countries(String locode) {
    assertThatThrownBy(() -> Checks.locode("l", locode))
        .hasMessageStartingWith("INVALID_INPUT: l ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "SEK", "JPY", "USD", "CNY"})
  void accepts_iso_4217_currencies(String currency) {
    assertThat(Checks.currency("c", currency)).isEqualTo(currency);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EURO", "eur", "XYZ", ""})
  void rejects_unknown_currencies(String currency) {
    assertThatThrownBy(() -> Checks.currency("c", currency))
        .hasMessage("INVALID_INPUT: c must be an ISO 4217 currency code");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XDR", "XSU", "XUA", "XAD", "XBA", "XBD", "BOV",
        "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"
      })
  void rejects_codes_that_are_not_trading_currencies(String currency) {
    assertThatThrownBy(() -> Checks.currency("c", currency))
        .hasMessageStartingWith(
            "INVALID_INPUT: c must be an ISO 4217 trading currency: " + currency);
  }

  @org.junit.jupiter.api.Test
  void trading_currencies_carry_their_minor_unit_exponent() {
    assertThat(Checks.minorUnits("JPY")).isZero();
    assertThat(Checks.minorUnits("EUR")).isEqualTo(2);
    assertThat(Checks.minorUnits("BHD")).isEqualTo(3);
    for (String zero :
        List.of(
            "BIF", "CLP", "DJF", "GNF", "ISK", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV",
            "XAF", "XOF", "XPF")) {
      assertThat(Checks.minorUnits(zero)).as(zero).isZero();
    }
    for (String three : List.of("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND")) {
      assertThat(Checks.minorUnits(three)).as(three).isEqualTo(3);
    }
    assertThat(ReferenceData.MINOR_UNITS).hasSize(155).containsEntry("XCD", 2);
    assertThat(new Money(12_500_000, "EUR").display()).isEqualTo("125000.00 EUR");
    assertThat(new Money(1_000, "JPY").display()).isEqualTo("1000 JPY");
    assertThat(new Money(1_500, "BHD").display()).isEqualTo("1.500 BHD");
    assertThatThrownBy(() -> new Money(100, "XAU")).hasMessageStartingWith("INVALID_INPUT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"851712", "85171200", "8517120000"})
  void accepts_hs_codes_of_six_to_ten_digits(String code) {
    assertThat(Checks.hsCode("h", code)).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"85171", "85171200001", "8517.12", "ABCDEF"})
  void rejects_other_hs_codes(String code) {
    assertThatThrownBy(() -> Checks.hsCode("h", code)).hasMessageStartingWith("INVALID_INPUT: h ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"KGM", "H87", "MTQ", "C62"})
  void accepts_un_ece_recommendation_20_units(String unit) {
    assertThat(Checks.unit("u", unit)).isEqualTo(unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"KG", "PCS", "kgm"})
  void rejects_other_units(String unit) {
    assertThatThrownBy(() -> Checks.unit("u", unit)).hasMessageStartingWith("INVALID_INPUT: u ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "o/1", "ü"})
  void rejects_ids_outside_the_pattern(String id) {
    assertThatThrownBy(() -> Checks.id("id", id))
        .hasMessage("INVALID_INPUT: id must match [A-Za-z0-9._-]{1,64}");
  }

  @org.junit.jupiter.api.Test
  void ids_are_at_most_64_characters() {
    assertThat(Checks.id("id", "a".repeat(64))).hasSize(64);
    assertThatThrownBy(() -> Checks.id("id", "a".repeat(65)))
        .hasMessageStartingWith("INVALID_INPUT");
  }

  @org.junit.jupiter.api.Test
  void lists_are_bounded_and_free_of_nulls() {
    assertThat(Checks.list("l", List.of(1, 2), 1, 2)).containsExactly(1, 2);
    assertThatThrownBy(() -> Checks.list("l", List.of(1, 2, 3), 1, 2))
        .hasMessage("INVALID_INPUT: l must have 1 to 2 elements");
    assertThatThrownBy(() -> Checks.list("l", java.util.Arrays.asList(1, null), 1, 2))
        .hasMessage("INVALID_INPUT: l must not contain null");
    assertThatThrownBy(() -> Checks.distinct("l", List.of(1, 1)))
        .hasMessage("INVALID_INPUT: l must not repeat an element");
  }
}
