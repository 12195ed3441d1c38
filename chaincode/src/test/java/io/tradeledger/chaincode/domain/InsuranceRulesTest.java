package io.tradeledger.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.contract.Booking;
import io.tradeledger.contract.ClaimStatus;
import io.tradeledger.contract.IccClause;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.TransportMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsuranceRulesTest {
  private static final Audit AUDIT = Audit.created(new Actor("InsurerMSP", "x"), Instant.EPOCH);

  private static Order order(Incoterm incoterm, long value) {
    return order(incoterm, value, List.of(new OrderLine("851712", "P", 1, "H87")));
  }

  private static Order order(Incoterm incoterm, long value, List<OrderLine> lines) {
    return new Order(
        "o-1",
        "ImporterMSP",
        "ExporterMSP",
        lines,
        incoterm,
        "SEGOT",
        null,
        "CNSZX",
        "SEGOT",
        LocalDate.parse("2026-06-30"),
        new Money(value, "EUR"),
        "a".repeat(64),
        List.of(new MilestoneTerms("m", 10_000, MilestoneTrigger.ACCEPTANCE, 0)),
        OrderStatus.ACCEPTED,
        null,
        Instant.EPOCH,
        Audit.created(new Actor("ImporterMSP", "x"), Instant.EPOCH));
  }

  private static PolicyIssue cover(long amount, IccClause clauses) {
    return cover("ImporterMSP", null, amount, clauses);
  }

  private static PolicyIssue cover(
      String insured, List<String> beneficiaries, long amount, IccClause clauses) {
    return new PolicyIssue(
        "p-1",
        "s-1",
        insured,
        beneficiaries,
        new Money(amount, "EUR"),
        clauses,
        null,
        "c".repeat(64));
  }

  /** The rule for a policy on the order's only shipment: the goods are the whole order. */
  private static void check(Order order, PolicyIssue issue) {
    InsuranceRules.check(order, issue, Optional.of(order.totalValue()), List.of());
  }

  private static Claim claim(String id, long amount, ClaimStatus status, Long settled) {
    return new Claim(
        id,
        "p-1",
        "s-1",
        "o-1",
        "ImporterMSP",
        "InsurerMSP",
        new Money(amount, "EUR"),
        "damage",
        List.of("e".repeat(64)),
        status,
        settled == null ? null : new Money(settled, "EUR"),
        null,
        null,
        AUDIT);
  }

  private static InsurancePolicy policy(long cover) {
    return InsurancePolicy.issue(cover(cover, IccClause.ICC_C), shipment(), "InsurerMSP", AUDIT);
  }

  private static Shipment shipment() {
    return shipment(order(Incoterm.CIF, 1_000), List.of(new ShipmentLine(1, 1)));
  }

  /** A shipment of {@code order} moving {@code lines}. */
  private static Shipment shipment(Order order, List<ShipmentLine> lines) {
    return Shipment.book(
        new Booking(
            "s-1",
            "o-1",
            "CarrierMSP",
            TransportMode.SEA,
            "MAEU1",
            List.of(),
            "CNYTN",
            "SEGOT",
            LocalDate.parse("2026-04-01"),
            LocalDate.parse("2026-05-10"),
            lines),
        order,
        AUDIT);
  }

  @Test
  void cif_accepts_any_clauses_from_exactly_110_percent() {
    assertThatCode(() -> check(order(Incoterm.CIF, 1_000), cover(1_100, IccClause.ICC_C)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check(order(Incoterm.CIF, 1_000), cover(1_099, IccClause.ICC_A)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void percentages_are_computed_without_rounding_or_overflow() {
    // 110% of 1,001 is 1,101.1: 1,101 is short by a tenth of a minor unit.
    assertThatThrownBy(() -> check(order(Incoterm.CIF, 1_001), cover(1_101, IccClause.ICC_C)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
    long huge = Long.MAX_VALUE / 2;
    assertThatThrownBy(() -> check(order(Incoterm.CIF, huge), cover(huge, IccClause.ICC_C)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void cip_needs_clauses_a() {
    assertThatThrownBy(() -> check(order(Incoterm.CIP, 1_000), cover(2_000, IccClause.ICC_B)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
    assertThatCode(() -> check(order(Incoterm.CIP, 1_000), cover(1_100, IccClause.ICC_A)))
        .doesNotThrowAnyException();
  }

  @Test
  void other_rules_leave_cover_to_the_parties() {
    assertThatCode(
            () -> check(order(Incoterm.FOB, 1_000), cover("ExporterMSP", null, 1, IccClause.ICC_C)))
        .doesNotThrowAnyException();
  }

  @Test
  void the_minimum_is_110_percent_of_the_goods_insured_not_of_the_whole_order() {
    Order order = order(Incoterm.CIF, 1_000);
    // A shipment carrying goods worth 400 needs 440, not 1,100.
    assertThatCode(
            () ->
                InsuranceRules.check(
                    order,
                    cover(440, IccClause.ICC_C),
                    Optional.of(new Money(400, "EUR")),
                    List.of()))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                InsuranceRules.check(
                    order,
                    cover(439, IccClause.ICC_C),
                    Optional.of(new Money(400, "EUR")),
                    List.of()))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void without_the_goods_value_the_order_policies_together_reach_110_percent() {
    Order order = order(Incoterm.CIF, 1_000);
    List<InsurancePolicy> issued = List.of(policy(600));
    assertThatCode(
            () ->
                InsuranceRules.check(order, cover(500, IccClause.ICC_C), Optional.empty(), issued))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                InsuranceRules.check(order, cover(499, IccClause.ICC_C), Optional.empty(), issued))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void the_goods_value_is_the_whole_order_for_a_shipment_of_every_ordered_quantity() {
    Order order =
        order(
            Incoterm.CIF,
            1_000,
            List.of(
                new OrderLine("851712", "Phones", 500, "H87"),
                new OrderLine("850760", "Batteries", 20, "H87")));
    Shipment whole = shipment(order, List.of(new ShipmentLine(1, 500), new ShipmentLine(2, 20)));
    assertThat(InsuranceRules.goodsValue(order, whole)).contains(new Money(1_000, "EUR"));
    assertThat(InsuranceRules.goodsValue(order(Incoterm.CIF, 1_000), shipment()))
        .contains(new Money(1_000, "EUR"));
  }

  @Test
  void the_goods_value_of_part_of_a_one_line_order_is_pro_rata_rounded_up() {
    Order order =
        order(Incoterm.CIF, 12_500_000, List.of(new OrderLine("851712", "P", 500, "H87")));
    // 300 of 500 phones: 60% of 125,000.00 EUR.
    assertThat(InsuranceRules.goodsValue(order, shipment(order, List.of(new ShipmentLine(1, 300)))))
        .contains(new Money(7_500_000, "EUR"));
    // 1 of 3 units of an order of 1,000 minor units is 333.33...: rounded up, so the 110% cover
    // is never computed on less than the goods are worth.
    Order thirds = order(Incoterm.CIF, 1_000, List.of(new OrderLine("851712", "P", 3, "H87")));
    assertThat(InsuranceRules.goodsValue(thirds, shipment(thirds, List.of(new ShipmentLine(1, 1)))))
        .contains(new Money(334, "EUR"));
    // The minimum is 110% of that value, 334: 367.4, so 368 suffices and 367 is short.
    Optional<Money> value =
        InsuranceRules.goodsValue(thirds, shipment(thirds, List.of(new ShipmentLine(1, 1))));
    assertThatCode(
            () -> InsuranceRules.check(thirds, cover(368, IccClause.ICC_C), value, List.of()))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> InsuranceRules.check(thirds, cover(367, IccClause.ICC_C), value, List.of()))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void part_of_an_order_of_several_lines_has_no_known_value() {
    Order order =
        order(
            Incoterm.CIF,
            1_000,
            List.of(
                new OrderLine("851712", "Phones", 500, "H87"),
                new OrderLine("850760", "Batteries", 20, "H87")));
    // The lines' prices are confidential: the phones' share of the value is not on the ledger.
    assertThat(InsuranceRules.goodsValue(order, shipment(order, List.of(new ShipmentLine(1, 500)))))
        .isEmpty();
    assertThat(
            InsuranceRules.goodsValue(
                order, shipment(order, List.of(new ShipmentLine(1, 250), new ShipmentLine(2, 10)))))
        .isEmpty();
  }

  @Test
  void under_cif_and_cip_the_buyer_claims_directly() {
    Order order = order(Incoterm.CIF, 1_000);
    assertThatThrownBy(() -> check(order, cover("ExporterMSP", null, 1_100, IccClause.ICC_C)))
        .hasMessageStartingWith("POLICY_BUYER_CANNOT_CLAIM: ");
    assertThatCode(
            () ->
                check(order, cover("ExporterMSP", List.of("ImporterMSP"), 1_100, IccClause.ICC_C)))
        .doesNotThrowAnyException();
  }

  @Test
  void approved_and_settled_claims_never_exceed_the_cover() {
    InsurancePolicy policy = policy(1_000);
    List<Claim> claims =
        List.of(
            claim("c-1", 500, ClaimStatus.APPROVED, null),
            claim("c-2", 400, ClaimStatus.SETTLED, 300L),
            claim("c-3", 900, ClaimStatus.FILED, null),
            claim("c-4", 900, ClaimStatus.REJECTED, null));
    // 500 approved + 300 settled leave 200; filed and rejected claims take nothing.
    assertThatCode(() -> InsuranceRules.checkWithinCover(policy, "c-5", 200, claims))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> InsuranceRules.checkWithinCover(policy, "c-5", 201, claims))
        .hasMessageStartingWith("CLAIM_AMOUNT_EXCEEDS_COVER: ");
    // A claim is not counted against itself: approving c-1 again for its 500 fits.
    assertThatCode(() -> InsuranceRules.checkWithinCover(policy, "c-1", 700, claims))
        .doesNotThrowAnyException();
  }
}
