package io.tradeledger.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.tradeledger.api.TradeLedgerApplication;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.ConfidentialTerms.Charge;
import io.tradeledger.contract.ConfidentialTerms.LinePrice;
import io.tradeledger.contract.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terms' bytes must equal the contract's canonical JSON, byte for byte. */
class CanonicalTermsTest {
  private static final String SALT = "fixed-salt-for-this-test-0123456789abcdef";

  private final CanonicalTerms canonical = new CanonicalTerms(applicationMapper());

  private static ObjectMapper applicationMapper() {
    ObjectMapper mapper = Jackson.newObjectMapper();
    TradeLedgerApplication.strict(mapper);
    return mapper;
  }

  @Test
  void properties_are_sorted_at_every_level_without_white_space() {
    ConfidentialTerms terms =
        new ConfidentialTerms(
            SALT,
            List.of(
                new LinePrice(1, new Money(25000, "EUR")), new LinePrice(2, new Money(990, "EUR"))),
            250,
            null,
            List.of("Seller warrants 24 months", "Försäkring enligt ICC (A) – 110 %"));

    byte[] bytes = canonical.bytes(terms);

    String expected =
        "{\"clauses\":[\"Seller warrants 24 months\",\"Försäkring enligt ICC (A) – 110 %\"],"
            + "\"discountBasisPoints\":250,"
            + "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}},"
            + "{\"line\":2,\"unitPrice\":{\"amount\":990,\"currency\":\"EUR\"}}],"
            + "\"salt\":\"fixed-salt-for-this-test-0123456789abcdef\"}";
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(CanonicalTerms.sha256(bytes))
        .isEqualTo(CanonicalTerms.sha256(expected.getBytes(StandardCharsets.UTF_8)))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void absent_clauses_are_an_empty_list_and_absent_charges_are_left_out() {
    ConfidentialTerms terms =
        new ConfidentialTerms(
            SALT, List.of(new LinePrice(1, new Money(1, "EUR"))), 0, List.of(), null);

    assertThat(new String(canonical.bytes(terms), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"clauses\":[],\"discountBasisPoints\":0,\"linePrices\":[{\"line\":1,"
                + "\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"}}],\"salt\":\""
                + SALT
                + "\"}");
  }

  @Test
  void charges_are_written_in_the_contract_s_canonical_order() {
    ConfidentialTerms terms =
        new ConfidentialTerms(
            SALT,
            List.of(new LinePrice(1, new Money(25000, "EUR"))),
            250,
            List.of(new Charge("Ocean freight", new Money(312500, "EUR"))),
            List.of());

    assertThat(new String(canonical.bytes(terms), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"charges\":[{\"amount\":{\"amount\":312500,\"currency\":\"EUR\"},"
                + "\"description\":\"Ocean freight\"}],\"clauses\":[],\"discountBasisPoints\":250,"
                + "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":25000,\"currency\":"
                + "\"EUR\"}}],\"salt\":\""
                + SALT
                + "\"}");
  }

  @Test
  void the_canonical_json_reads_back_as_the_same_terms() throws Exception {
    ConfidentialTerms terms =
        new ConfidentialTerms(
            SALT,
            List.of(new LinePrice(1, new Money(5, "USD"))),
            10,
            List.of(new Charge("Freight", new Money(2, "USD"))),
            List.of("c"));

    assertThat(canonical.parse(canonical.bytes(terms))).isEqualTo(terms);
  }
}
