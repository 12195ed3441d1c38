package io.tradeledger.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsuranceRulesTest {
  private static Order order(Incoterm incoterm, long value) {
    return new Order(
        "o-1",
        "ImporterMSP",
        "ExporterMSP",
        List.of(new OrderLine("851712", "P", 1, "H87")),
        incoterm,
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
    return new PolicyIssue(
        "p-1", "s-1", "ImporterMSP", new Money(amount, "EUR"), clauses, "c".repeat(64));
  }

  @Test
  void cif_accepts_any_clauses_from_exactly_110_percent() {
    assertThatCode(
            () -> InsuranceRules.check(order(Incoterm.CIF, 1_000), cover(1_100, IccClause.ICC_C)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> InsuranceRules.check(order(Incoterm.CIF, 1_000), cover(1_099, IccClause.ICC_A)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void percentages_are_computed_without_rounding_or_overflow() {
    // 110% of 1,001 is 1,101.1: 1,101 is short by a tenth of a minor unit.
    assertThatThrownBy(
            () -> InsuranceRules.check(order(Incoterm.CIF, 1_001), cover(1_101, IccClause.ICC_C)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
    long huge = Long.MAX_VALUE / 2;
    assertThatThrownBy(
            () -> InsuranceRules.check(order(Incoterm.CIF, huge), cover(huge, IccClause.ICC_C)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
  }

  @Test
  void cip_needs_clauses_a() {
    assertThatThrownBy(
            () -> InsuranceRules.check(order(Incoterm.CIP, 1_000), cover(2_000, IccClause.ICC_B)))
        .hasMessageStartingWith("POLICY_COVER_INSUFFICIENT: ");
    assertThatCode(
            () -> InsuranceRules.check(order(Incoterm.CIP, 1_000), cover(1_100, IccClause.ICC_A)))
        .doesNotThrowAnyException();
  }

  @Test
  void other_rules_leave_cover_to_the_parties() {
    assertThatCode(
            () -> InsuranceRules.check(order(Incoterm.FOB, 1_000), cover(1, IccClause.ICC_C)))
        .doesNotThrowAnyException();
  }
}
