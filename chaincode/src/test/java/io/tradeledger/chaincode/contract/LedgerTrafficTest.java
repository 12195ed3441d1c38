package io.tradeledger.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.FakeTransaction;
import io.tradeledger.chaincode.testing.Identity;
import io.tradeledger.chaincode.testing.StateAccess;
import io.tradeledger.chaincode.testing.TradeScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole trade, with every read transaction evaluated after each committed step, against two
 * committed files: the digest of every result, write, key-level policy, private write and event (so
 * a change made for speed that alters one byte anyone sees fails here), and what each transaction
 * asks of the ledger (the reads/writes table of docs/CONTRACT.md, so a change that adds a round
 * trip to the peer shows up in review). When a file no longer matches, the actual one is written
 * under {@code target/} for comparison.
 */
class LedgerTrafficTest {
  private static final String DIGESTS = "ledger-digests.txt";
  private static final String ACCESS = "state-access.txt";

  /** The steps after which the access table shows the reads: the order's stages. */
  private static final Set<String> READ_STAGES =
      Set.of("OrderProposed", "OrderAccepted", "ShipmentEventsRecorded", "OrderCompleted");

  /** The reads shown in the access table. */
  private static final Set<String> TABLE_READS =
      Set.of("GetOrder", "GetMilestones", "ListOrders", "GetShipment", "GetTimeline");

  private final OrderContract orders = new OrderContract();
  private final PaymentContract payments = new PaymentContract();
  private final ShipmentContract shipments = new ShipmentContract();
  private final CustomsContract customs = new CustomsContract();
  private final InsuranceContract insurance = new InsuranceContract();
  private final DocumentContract documents = new DocumentContract();
  private final LedgerContract ledgerContract = new LedgerContract();

  /** One transaction of the observed trade and what it returned (or the error it raised). */
  private record Step(String name, String stage, FakeTransaction transaction) {
    String caller() {
      return transaction.caller().mspId();
    }
  }

  private record Read(String name, Identity caller, Function<Context, String> call) {}

  /** The observed trade, run once for both tests. */
  private static final List<Step> steps = new ArrayList<>();

  private static final List<String> outcomes = new ArrayList<>();

  @BeforeAll
  static void observeTheTrade() {
    outcomes.addAll(new LedgerTrafficTest().observe(steps));
  }

  @Test
  void every_result_write_policy_and_event_is_byte_identical_to_the_pinned_digests()
      throws IOException {
    List<String> actual = new ArrayList<>();
    for (int index = 0; index < steps.size(); index++) {
      Step step = steps.get(index);
      actual.add(
          "%03d %s by %s %s"
              .formatted(
                  index,
                  step.name(),
                  step.caller(),
                  digest(outcomes.get(index), step.transaction())));
    }

    assertThat(actual).containsExactlyElementsOf(pinned(DIGESTS, actual));
  }

  @Test
  void what_each_transaction_asks_of_the_ledger_is_as_documented() throws IOException {
    List<String> actual = new ArrayList<>();
    actual.add("transaction | caller | after | " + StateAccess.HEADER);
    for (Step step : steps) {
      boolean submitted = step.transaction().committed();
      if (submitted || (READ_STAGES.contains(step.stage()) && TABLE_READS.contains(step.name()))) {
        actual.add(
            "%s | %s | %s | %s"
                .formatted(
                    step.name(),
                    step.caller(),
                    submitted ? "" : step.stage(),
                    step.transaction().access().row()));
      }
    }

    assertThat(actual).containsExactlyElementsOf(pinned(ACCESS, actual));
  }

  /**
   * Runs the trade; fills {@code steps} with every transaction after the founding registration and
   * returns their outcomes in the same order.
   */
  private List<String> observe(List<Step> steps) {
    FakeLedger ledger = Consortium.foundedLedger();
    int founding = ledger.transactions().size();
    List<String> readOutcomes = new ArrayList<>();
    List<String> readNames = new ArrayList<>();
    List<String> readStages = new ArrayList<>();
    ledger.afterEachCommit(
        () -> {
          String stage = ledger.lastTransaction().eventName();
          for (Read read : reads()) {
            readNames.add(read.name());
            readStages.add(stage);
            readOutcomes.add(outcome(() -> ledger.evaluate(read.caller(), read.call())));
          }
        });
    List<String> submitted = new TradeScenario().run(ledger);

    List<String> outcomes = new ArrayList<>();
    Iterator<String> submittedResults = submitted.iterator();
    int read = 0;
    for (FakeTransaction transaction :
        ledger.transactions().subList(founding, ledger.transactions().size())) {
      if (transaction.committed()) {
        steps.add(new Step(transaction.eventName(), "", transaction));
        outcomes.add(submittedResults.next());
      } else {
        steps.add(new Step(readNames.get(read), readStages.get(read), transaction));
        outcomes.add(readOutcomes.get(read));
        read++;
      }
    }
    assertThat(submittedResults).isExhausted();
    assertThat(read).isEqualTo(readOutcomes.size());
    return outcomes;
  }

  private List<Read> reads() {
    return List.of(
        new Read("GetOrder", Consortium.IMPORTER, c -> orders.getOrder(c, "o-1")),
        new Read("GetOrder", Consortium.CARRIER, c -> orders.getOrder(c, "o-1")),
        new Read("GetOrder", Consortium.CUSTOMS, c -> orders.getOrder(c, "o-1")),
        new Read("GetOrder", Consortium.OUTSIDER, c -> orders.getOrder(c, "o-1")),
        new Read("GetMilestones", Consortium.EXPORTER, c -> payments.getMilestones(c, "o-1")),
        new Read("ListOrders", Consortium.IMPORTER, c -> orders.listOrders(c, "10", "")),
        new Read("ListOrders", Consortium.CARRIER, c -> orders.listOrders(c, "10", "")),
        new Read("GetShipment", Consortium.CARRIER, c -> shipments.getShipment(c, "s-1")),
        new Read("ListShipments", Consortium.IMPORTER, c -> shipments.listShipments(c, "10", "")),
        new Read(
            "ListShipmentEvents", Consortium.IMPORTER, c -> shipments.listShipmentEvents(c, "s-1")),
        new Read("ListDeclarations", Consortium.CUSTOMS, c -> customs.listDeclarations(c, "s-1")),
        new Read("GetPolicy", Consortium.IMPORTER, c -> insurance.getPolicy(c, "p-1")),
        new Read("ListClaims", Consortium.INSURER, c -> insurance.listClaims(c, "p-1")),
        new Read("ListDocuments", Consortium.EXPORTER, c -> documents.listDocuments(c, "o-1")),
        new Read(
            "VerifyDocument",
            Consortium.CARRIER,
            c -> documents.verifyDocument(c, "a1".repeat(32))),
        new Read("GetTimeline", Consortium.INSURER, c -> ledgerContract.getTimeline(c, "o-1")),
        new Read(
            "GetHistory",
            Consortium.IMPORTER,
            c -> ledgerContract.getHistory(c, "{\"recordType\":\"ORDER\",\"id\":\"o-1\"}")));
  }

  private static String outcome(java.util.function.Supplier<String> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String digest(String outcome, FakeTransaction transaction) {
    StringBuilder text = new StringBuilder(outcome).append('\n');
    transaction
        .writes()
        .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    text.append(transaction.endorsementPolicies()).append('\n');
    text.append(transaction.privateWrites()).append('\n');
    text.append(transaction.eventName()).append('\n').append(transaction.eventPayload());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The committed lines of a file; writes {@code actual} under target/ when they differ. */
  private static List<String> pinned(String name, List<String> actual) throws IOException {
    List<String> expected;
    try (InputStream in = LedgerTrafficTest.class.getResourceAsStream("/" + name)) {
      expected =
          in == null
              ? List.of()
              : new String(in.readAllBytes(), UTF_8)
                  .lines()
                  .filter(line -> !line.startsWith("#"))
                  .toList();
    }
    if (!expected.equals(actual)) {
      Path target = Path.of("target", name);
      Files.createDirectories(target.getParent());
      Files.write(target, actual, UTF_8);
    }
    return expected;
  }
}
