package io.tradeledger.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path reads exactly what Jackson's InstantDeserializer would (for the strings it takes,
 * {@code Instant.from(ISO_INSTANT.parse(text))}) and leaves every other string to it.
 */
class InstantReaderTest {

  @Test
  void every_instant_as_the_contract_writes_it_is_read_as_iso_instant_reads_it() {
    SplittableRandom random = new SplittableRandom(20261201);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_167_219_200L, 253_402_300_799L), random.nextInt(1_000_000_000));
      for (Instant written :
          List.of(
              instant,
              Instant.ofEpochSecond(instant.getEpochSecond()),
              Instant.ofEpochSecond(
                  instant.getEpochSecond(), instant.getNano() / 1_000_000 * 1_000_000))) {
        String text = written.toString();

        assertThat(InstantReader.canonical(text)).as(text).isEqualTo(written).isEqualTo(iso(text));
      }
    }
  }

  @Test
  void any_other_string_is_left_to_jackson() {
    for (String text :
        List.of(
            "2026-03-01t08:00:00Z",
            "2026-03-01T08:00:00z",
            "2026-03-01T08:00:00+01:00",
            "2026-03-01T08:00:00.Z",
            "2026-03-01T08:00:00.1234567890Z",
            "2026-03-01T24:00:00Z",
            "2026-12-31T23:59:60Z",
            "2026-02-29T08:00:00Z",
            "2026-13-01T08:00:00Z",
            "2026-00-01T08:00:00Z",
            "2026-04-31T08:00:00Z",
            "2026-03-01T08:60:00Z",
            " 2026-03-01T08:00:00Z",
            "2026-03-01T08:00:00Z ",
            "+2026-03-01T08:00:00Z",
            "20260-03-01T08:00:00Z",
            "2026-03-01 08:00:00Z",
            "2026-03-01T08:00Z",
            "1772352000",
            "")) {
      assertThat(InstantReader.canonical(text)).as(text).isNull();
    }
  }

  @Test
  void leap_days_and_fractions_are_read_as_iso_instant_reads_them() {
    for (String text :
        List.of(
            "2024-02-29T23:59:59Z",
            "2000-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2026-03-01T08:00:00.5Z",
            "2026-03-01T08:00:00.05Z",
            "2026-03-01T08:00:00.000000001Z")) {
      assertThat(InstantReader.canonical(text)).as(text).isEqualTo(iso(text));
    }
  }

  @Test
  void stored_and_client_instants_read_through_the_mapper_as_before() {
    record At(Instant at) {}

    assertThat(CanonicalJson.parse("{\"at\":\"2026-03-01T08:00:00.25Z\"}", At.class).at())
        .isEqualTo(Instant.parse("2026-03-01T08:00:00.25Z"));
    // Jackson's own forms still work (an offset), and its errors are unchanged.
    assertThat(CanonicalJson.parse("{\"at\":\"2026-03-01T09:00:00+01:00\"}", At.class).at())
        .isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> CanonicalJson.parse("{\"at\":\"2026-02-30T08:00:00Z\"}", At.class)))
        .hasMessageContaining(
            "INVALID_INPUT: at: Cannot deserialize value of type `java.time.Instant`");
  }

  private static Instant iso(String text) {
    try {
      return Instant.from(DateTimeFormatter.ISO_INSTANT.parse(text));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
