package io.tradeledger.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * What a buyer proposes: everything on the public order that the buyer chooses. The buyer is the
 * proposing organization, never an input. {@code incotermPlace} is the Incoterms rule's named place
 * (UN/LOCODE); {@code sellerContractsCarriage} is true when, under EXW, FCA, FAS or FOB, the
 * parties agree that the seller contracts the main carriage (absent otherwise).
 */
public record OrderProposal(
    String orderId,
    String sellerMsp,
    List<OrderLine> lines,
    Incoterm incoterm,
    String incotermPlace,
    Boolean sellerContractsCarriage,
    String origin,
    String destination,
    LocalDate requestedDeliveryDate,
    Money totalValue,
    String termsHash,
    List<MilestoneTerms> milestones) {
  /** The most lines an order may have. */
  public static final int MAX_LINES = 100;

  public OrderProposal {
    Checks.id("orderId", orderId);
    Checks.mspId("sellerMsp", sellerMsp);
    lines = Checks.list("lines", lines, 1, MAX_LINES);
    Checks.present("incoterm", incoterm);
    Checks.locode("incotermPlace", incotermPlace);
    // Canonical: "the seller contracts the carriage" is either stated (true) or absent.
    if (Boolean.FALSE.equals(sellerContractsCarriage)) {
      sellerContractsCarriage = null;
    }
    if (sellerContractsCarriage != null && incoterm.sellerContractsCarriage()) {
      throw Checks.invalid(
          "sellerContractsCarriage",
          "is only for EXW, FCA, FAS and FOB: under " + incoterm + " the seller always does");
    }
    Checks.locode("origin", origin);
    Checks.locode("destination", destination);
    Checks.present("requestedDeliveryDate", requestedDeliveryDate);
    Checks.present("totalValue", totalValue).positive("totalValue");
    Checks.sha256("termsHash", termsHash);
    milestones = Checks.list("milestones", milestones, 1, 20);
    Checks.distinct(
        "milestones.milestoneId", milestones.stream().map(MilestoneTerms::milestoneId).toList());
    int shares = milestones.stream().mapToInt(MilestoneTerms::shareBasisPoints).sum();
    if (shares != MilestoneTerms.WHOLE) {
      throw Checks.invalid(
          "milestones", "shares must add up to 10000 basis points (100%), not " + shares);
    }
  }
}
