package io.tradeledger.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.contract.errors.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {
  /** The status of each of the contract's codes; ErrorCode.values() makes a new code fail here. */
  private static final Map<String, Integer> EXPECTED =
      Map.ofEntries(
          Map.entry("INVALID_INPUT", 422),
          Map.entry("ACCESS_DENIED", 403),
          Map.entry("ROLE_REQUIRED", 403),
          Map.entry("NOT_A_PARTICIPANT", 403),
          Map.entry("WRONG_ENDORSING_PEER", 403),
          Map.entry("PARTICIPANT_NOT_FOUND", 404),
          Map.entry("REGISTRY_ALREADY_INITIALIZED", 409),
          Map.entry("REGISTRY_NOT_INITIALIZED", 409),
          Map.entry("CHANGE_NOT_FOUND", 404),
          Map.entry("CHANGE_CONFLICT", 409),
          Map.entry("CHANGE_ALREADY_DECIDED", 409),
          Map.entry("CHANGE_ALREADY_APPROVED", 409),
          Map.entry("ORDER_NOT_FOUND", 404),
          Map.entry("ORDER_CONFLICT", 409),
          Map.entry("ORDER_INVALID_TRANSITION", 409),
          Map.entry("ORDER_NOT_ACCEPTED", 409),
          Map.entry("ORDER_NOT_COMPLETABLE", 409),
          Map.entry("TERMS_NOT_PROVIDED", 422),
          Map.entry("TERMS_HASH_MISMATCH", 422),
          Map.entry("TERMS_NOT_STORED", 409),
          Map.entry("TERMS_LINES_MISPRICED", 422),
          Map.entry("TERMS_TOTAL_MISMATCH", 422),
          Map.entry("DATE_IN_PAST", 422),
          Map.entry("INCOTERM_MODE_NOT_ALLOWED", 422),
          Map.entry("INCOTERM_PLACE_MISMATCH", 422),
          Map.entry("MILESTONE_NOT_FOUND", 404),
          Map.entry("MILESTONE_NOT_DUE", 409),
          Map.entry("MILESTONE_INVALID_TRANSITION", 409),
          Map.entry("SHIPMENT_NOT_FOUND", 404),
          Map.entry("SHIPMENT_CONFLICT", 409),
          Map.entry("SHIPMENT_INVALID_TRANSITION", 409),
          Map.entry("EVENT_NOT_FOUND", 404),
          Map.entry("EVENT_CONFLICT", 409),
          Map.entry("EVENT_ALREADY_RETRACTED", 409),
          Map.entry("SHIPMENT_QUANTITY_EXCEEDS_ORDER", 409),
          Map.entry("EVENT_IN_FUTURE", 422),
          Map.entry("EVENT_LOCATION_INVALID", 422),
          Map.entry("EVENT_OUT_OF_SEQUENCE", 409),
          Map.entry("EVENT_RETRACTION_MISMATCH", 422),
          Map.entry("EVENT_NOT_RETRACTABLE", 409),
          Map.entry("DECLARATION_NOT_FOUND", 404),
          Map.entry("DECLARATION_CONFLICT", 409),
          Map.entry("DECLARATION_INVALID_TRANSITION", 409),
          Map.entry("CUSTOMS_NOT_COUNTRY_OF_IMPORT", 422),
          Map.entry("DECLARATION_HS_CODE_MISMATCH", 422),
          Map.entry("MANDATE_NOT_FOUND", 404),
          Map.entry("POLICY_NOT_FOUND", 404),
          Map.entry("POLICY_CONFLICT", 409),
          Map.entry("POLICY_COVER_INSUFFICIENT", 422),
          Map.entry("CLAIM_NOT_FOUND", 404),
          Map.entry("CLAIM_CONFLICT", 409),
          Map.entry("CLAIM_INVALID_TRANSITION", 409),
          Map.entry("CLAIM_AMOUNT_EXCEEDS_COVER", 422),
          Map.entry("POLICY_BUYER_CANNOT_CLAIM", 422),
          Map.entry("POLICY_MUST_ATTACH_FROM_SHIPMENT", 422),
          Map.entry("POLICY_AFTER_ARRIVAL", 409),
          Map.entry("DOCUMENT_NOT_FOUND", 404),
          Map.entry("DOCUMENT_CONFLICT", 409),
          Map.entry("DOCUMENT_ALREADY_SUPERSEDED", 409),
          Map.entry("DOCUMENT_ISSUER_NOT_ENTITLED", 403),
          Map.entry("DOCUMENT_SUPERSEDE_MISMATCH", 422));

  private static List<String> contractCodes() {
    return Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList();
  }

  @Test
  void every_code_of_the_contract_has_its_status() {
    List<String> codes = contractCodes();

    assertThat(codes).hasSizeGreaterThan(30);
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(codes);
    EXPECTED.forEach((code, status) -> assertThat(ErrorStatus.of(code)).as(code).isEqualTo(status));
  }

  @Test
  void validation_failures_at_commit_conflict_and_anything_unknown_is_a_bad_gateway() {
    assertThat(ErrorStatus.of("MVCC_READ_CONFLICT")).isEqualTo(409);
    assertThat(ErrorStatus.of("PHANTOM_READ_CONFLICT")).isEqualTo(409);
    assertThat(ErrorStatus.of("ENDORSEMENT_POLICY_FAILURE")).isEqualTo(409);
    assertThat(ErrorStatus.of("ENDORSEMENT_MISMATCH")).isEqualTo(409);
    assertThat(ErrorStatus.of("ENDORSERS_UNAVAILABLE")).isEqualTo(503);
    assertThat(ErrorStatus.of("LEDGER_ERROR")).isEqualTo(502);
    assertThat(ErrorStatus.of("SOMETHING_NEW")).isEqualTo(502);
  }
}
