package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.FOUNDING_MEMBERS;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.INSURER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.chaincode.errors.LedgerException;
import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.Identity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParticipantContractTest {
  private static final String NEW_MEMBER =
      """
      {"changeId":"add-bank","participant":{"mspId":"BankMSP","legalName":"Trade Bank",\
      "country":"DE","roles":["INSURER"]}}""";

  private final ParticipantContract contract = new ParticipantContract();

  @Test
  void founding_registry_writes_each_member_in_canonical_form() {
    FakeLedger ledger = Consortium.foundedLedger();

    assertThat(ledger.lastTransaction().writes())
        .containsEntry(
            "\u0000participant\u0000ImporterMSP\u0000",
            "{\"audit\":{\"createdAt\":\"2026-03-01T08:00:00Z\",\"createdBy\":{\"identity\":\""
                + IMPORTER.id()
                + "\",\"mspId\":\"ImporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:00Z\","
                + "\"updatedBy\":{\"identity\":\""
                + IMPORTER.id()
                + "\",\"mspId\":\"ImporterMSP\"}},\"profile\":{\"country\":\"SE\","
                + "\"legalName\":\"Nordic Imports AB\",\"mspId\":\"ImporterMSP\","
                + "\"roles\":[\"IMPORTER\"]}}")
        .hasSize(5);
    assertThat(ledger.lastTransaction().eventName()).isEqualTo("ParticipantsRegistered");
    assertThat(ledger.lastTransaction().eventsSet()).isEqualTo(1);
  }

  @Test
  void founding_registry_is_written_once() {
    FakeLedger ledger = Consortium.foundedLedger();
    String other = FOUNDING_MEMBERS.replace("Nordic Imports AB", "Someone Else");

    assertRejected(ledger, EXPORTER, () -> contract, other, "REGISTRY_ALREADY_INITIALIZED");
  }

  @Test
  void founding_registry_repeated_with_same_content_returns_it_unchanged() {
    FakeLedger ledger = Consortium.foundedLedger();
    Map<String, String> before = ledger.snapshot();

    String result =
        ledger.submit(
            EXPORTER, context -> contract.registerFoundingMembers(context, FOUNDING_MEMBERS));

    assertThat(result).contains("\"mspId\":\"ImporterMSP\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  @Test
  void founding_registry_must_include_the_caller() {
    FakeLedger ledger = new FakeLedger();
    assertThatThrownBy(
            () ->
                ledger.submit(
                    OUTSIDER,
                    context -> contract.registerFoundingMembers(context, FOUNDING_MEMBERS)))
        .isInstanceOf(LedgerException.class)
        .hasMessageStartingWith("ACCESS_DENIED: ");
    assertThat(ledger.snapshot()).isEmpty();
  }

  @Test
  void founding_registry_rejects_bad_entries() {
    FakeLedger ledger = new FakeLedger();
    assertThatThrownBy(
            () ->
                ledger.submit(
                    IMPORTER,
                    context ->
                        contract.registerFoundingMembers(
                            context,
                            "[{\"mspId\":\"ImporterMSP\",\"legalName\":\"X\",\"country\":\"XX\","
                                + "\"roles\":[\"IMPORTER\"]}]")))
        .hasMessage("INVALID_INPUT: [0].country must be an ISO 3166-1 alpha-2 country code");
    assertThatThrownBy(
            () ->
                ledger.submit(
                    IMPORTER,
                    context ->
                        contract.registerFoundingMembers(
                            context,
                            "[{\"mspId\":\"ImporterMSP\",\"legalName\":\"X\",\"country\":\"SE\","
                                + "\"roles\":[\"BANKER\"]}]")))
        .hasMessageStartingWith("INVALID_INPUT: [0].roles[0]: ");
    assertThatThrownBy(
            () ->
                ledger.submit(IMPORTER, context -> contract.registerFoundingMembers(context, "[]")))
        .hasMessage("INVALID_INPUT: participants must have 1 to 50 elements");
    assertThat(ledger.snapshot()).isEmpty();
  }

  @Test
  void a_change_applies_once_a_majority_of_members_approved() {
    FakeLedger ledger = Consortium.foundedLedger();

    String proposed =
        ledger.submit(IMPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER));
    assertThat(proposed)
        .contains("\"status\":\"PENDING\"")
        .contains("\"approvals\":[\"ImporterMSP\"]");
    ledger.submit(EXPORTER, context -> contract.approveParticipantChange(context, "add-bank"));
    assertThat(ledger.lastTransaction().eventName()).isEqualTo("ParticipantChangeApproved");
    assertThatThrownBy(
            () -> ledger.evaluate(CARRIER, context -> contract.getParticipant(context, "BankMSP")))
        .hasMessageStartingWith("PARTICIPANT_NOT_FOUND: ");

    String applied =
        ledger.submit(CARRIER, context -> contract.approveParticipantChange(context, "add-bank"));

    assertThat(applied).contains("\"status\":\"APPLIED\"");
    assertThat(ledger.lastTransaction().eventName()).isEqualTo("ParticipantChangeApplied");
    String bank = ledger.evaluate(CUSTOMS, context -> contract.getParticipant(context, "BankMSP"));
    assertThat(bank).contains("\"legalName\":\"Trade Bank\"");
    String registry = ledger.evaluate(CUSTOMS, context -> contract.listParticipants(context));
    assertThat(registry).contains("BankMSP");
  }

  @Test
  void a_change_cannot_be_approved_twice_by_one_member_or_after_it_applied() {
    FakeLedger ledger = Consortium.foundedLedger();
    ledger.submit(IMPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER));

    assertThatThrownBy(
            () ->
                ledger.submit(
                    IMPORTER, context -> contract.approveParticipantChange(context, "add-bank")))
        .hasMessageStartingWith("CHANGE_ALREADY_APPROVED: ");
    ledger.submit(EXPORTER, context -> contract.approveParticipantChange(context, "add-bank"));
    ledger.submit(CARRIER, context -> contract.approveParticipantChange(context, "add-bank"));
    assertThatThrownBy(
            () ->
                ledger.submit(
                    INSURER, context -> contract.approveParticipantChange(context, "add-bank")))
        .hasMessageStartingWith("CHANGE_ALREADY_DECIDED: ");
  }

  @Test
  void outsiders_cannot_propose_or_approve() {
    FakeLedger ledger = Consortium.foundedLedger();
    assertThatThrownBy(
            () ->
                ledger.submit(
                    OUTSIDER, context -> contract.proposeParticipantChange(context, NEW_MEMBER)))
        .hasMessageStartingWith("NOT_A_PARTICIPANT: ");
    ledger.submit(IMPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER));
    assertThatThrownBy(
            () ->
                ledger.submit(
                    OUTSIDER, context -> contract.approveParticipantChange(context, "add-bank")))
        .hasMessageStartingWith("NOT_A_PARTICIPANT: ");
  }

  @Test
  void a_change_id_reused_with_other_content_conflicts() {
    FakeLedger ledger = Consortium.foundedLedger();
    ledger.submit(IMPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER));

    String same =
        ledger.submit(EXPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER));
    assertThat(same).contains("\"approvals\":[\"ImporterMSP\"]");
    assertThatThrownBy(
            () ->
                ledger.submit(
                    EXPORTER,
                    context ->
                        contract.proposeParticipantChange(
                            context, NEW_MEMBER.replace("Trade Bank", "Other Bank"))))
        .hasMessageStartingWith("CHANGE_CONFLICT: ");
  }

  @Test
  void changes_need_a_founded_registry() {
    FakeLedger ledger = new FakeLedger();
    assertThatThrownBy(
            () ->
                ledger.submit(
                    IMPORTER, context -> contract.proposeParticipantChange(context, NEW_MEMBER)))
        .hasMessageStartingWith("REGISTRY_NOT_INITIALIZED: ");
  }

  private static void assertRejected(
      FakeLedger ledger,
      Identity caller,
      java.util.function.Supplier<ParticipantContract> contract,
      String members,
      String code) {
    Map<String, String> before = ledger.snapshot();
    assertThatThrownBy(
            () ->
                ledger.submit(
                    caller, context -> contract.get().registerFoundingMembers(context, members)))
        .isInstanceOf(LedgerException.class)
        .hasMessageStartingWith(code + ": ");
    assertThat(ledger.snapshot()).isEqualTo(before);
  }
}
