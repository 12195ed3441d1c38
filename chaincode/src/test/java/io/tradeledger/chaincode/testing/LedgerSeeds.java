package io.tradeledger.chaincode.testing;

import io.tradeledger.chaincode.contract.Tx;
import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Incoterm;
import io.tradeledger.chaincode.domain.MilestoneTerms;
import io.tradeledger.chaincode.domain.MilestoneTrigger;
import io.tradeledger.chaincode.domain.Money;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.OrderLine;
import io.tradeledger.chaincode.domain.OrderStatus;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.TradeParties;
import java.time.LocalDate;
import java.util.List;

/** Records written straight through repositories, for tests of reads that span aggregates. */
public final class LedgerSeeds {
  private LedgerSeeds() {}

  /** Saves a PROPOSED order from the importer to the exporter, as the importer. */
  public static Order seedOrder(FakeLedger ledger, String orderId) {
    return ledger.submit(
        Consortium.IMPORTER,
        context -> {
          Tx tx = Tx.of(context);
          Order order =
              new Order(
                  orderId,
                  "ImporterMSP",
                  "ExporterMSP",
                  List.of(new OrderLine("851712", "Mobile phones", 500, "H87")),
                  Incoterm.CIF,
                  "CNSZX",
                  "SEGOT",
                  LocalDate.parse("2026-06-30"),
                  new Money(12_500_000, "EUR"),
                  "a".repeat(64),
                  List.of(new MilestoneTerms("m1", 10_000, MilestoneTrigger.ACCEPTANCE, 30)),
                  OrderStatus.PROPOSED,
                  null,
                  null,
                  Audit.created(tx.caller(), tx.now()));
          new OrderRepository(tx.state()).save(order);
          TradeParties parties = new TradeParties(tx.state());
          parties.join(orderId, "ImporterMSP");
          parties.join(orderId, "ExporterMSP");
          return order;
        });
  }
}
