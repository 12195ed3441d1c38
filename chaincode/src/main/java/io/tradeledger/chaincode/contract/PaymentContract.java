package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Milestone;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.TradeProgress;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.MilestoneRepository;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.MilestoneReference;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.Payment;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Payment milestones: due once their trigger happened on the ledger, paid by the payer (buyer) when
 * due or earlier, confirmed by the payee (seller). Milestones are endorsed by payer AND payee.
 */
@Contract(
    name = ContractNames.PAYMENTS,
    info = @Info(title = "Trade Ledger payment milestones", version = "1.0"))
public final class PaymentContract implements ContractInterface {

  /**
   * A milestone as read, with when its trigger happened, when it falls due and how much of it is
   * due (all of it once triggered; a pro rata milestone in part as shipments reach its trigger).
   */
  public record MilestoneView(
      Milestone milestone, Instant triggeredAt, LocalDate dueDate, boolean due, Money dueAmount) {}

  /**
   * The milestones of an order, in milestone id order.
   *
   * @return JSON array of {@code {milestone, triggeredAt, dueDate, due, dueAmount}} (the times
   *     absent until the trigger happened)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_MILESTONES, intent = Transaction.TYPE.EVALUATE)
  public String getMilestones(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Order order = Trades.readable(tx, orderId);
    TradeProgress progress = Trades.progress(tx, order);
    List<MilestoneView> views =
        new MilestoneRepository(tx.state())
            .findByOrder(orderId).stream()
                .map(
                    milestone ->
                        new MilestoneView(
                            milestone,
                            progress.triggeredAt(milestone).orElse(null),
                            progress.dueDate(milestone).orElse(null),
                            progress.triggeredAt(milestone).isPresent(),
                            progress.dueAmount(milestone)))
                .toList();
    return CanonicalJson.write(views);
  }

  /**
   * The payer records that it paid a milestone. Paying early is allowed: the trigger sets when a
   * milestone falls due, not when it may be paid, so a milestone may be PAID (and CONFIRMED) before
   * its trigger happened, while GetMilestones still derives its due state from the trigger.
   *
   * @param paymentJson {@code {orderId, milestoneId, paymentReference}}
   * @return the milestone as JSON (PAID)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND,
   *     MILESTONE_NOT_FOUND, ACCESS_DENIED (not the payer), ORDER_NOT_ACCEPTED,
   *     MILESTONE_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.RECORD_PAYMENT, intent = Transaction.TYPE.SUBMIT)
  public String recordPayment(Context context, String paymentJson) {
    Tx tx = Tx.of(context);
    Payment payment = CanonicalJson.parse(paymentJson, Payment.class);
    Order order = Trades.readable(tx, payment.orderId());
    Milestone milestone = milestone(tx, payment.orderId(), payment.milestoneId());
    Access.requireCaller(tx, milestone.payerMsp(), "payer");
    if (order.status() != OrderStatus.ACCEPTED) {
      throw ErrorCode.ORDER_NOT_ACCEPTED.exception(
          "order %s is %s, not ACCEPTED", order.orderId(), order.status());
    }
    Milestone paid = milestone.paid(payment.paymentReference(), tx.caller(), tx.now());
    new MilestoneRepository(tx.state()).save(paid);
    tx.emit(
        "MilestonePaid",
        Map.of("orderId", order.orderId(), "milestoneId", milestone.milestoneId()));
    return CanonicalJson.write(paid);
  }

  /**
   * The payee confirms receipt of a paid milestone. Confirming the last milestone of an order whose
   * shipments are all delivered also marks the order COMPLETED (event OrderCompleted).
   *
   * @param referenceJson {@code {orderId, milestoneId}}
   * @return the milestone as JSON (CONFIRMED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND,
   *     MILESTONE_NOT_FOUND, ACCESS_DENIED (not the payee), MILESTONE_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.CONFIRM_PAYMENT, intent = Transaction.TYPE.SUBMIT)
  public String confirmPayment(Context context, String referenceJson) {
    Tx tx = Tx.of(context);
    MilestoneReference reference = CanonicalJson.parse(referenceJson, MilestoneReference.class);
    Order order = Trades.readable(tx, reference.orderId());
    Milestone milestone = milestone(tx, reference.orderId(), reference.milestoneId());
    Access.requireCaller(tx, milestone.payeeMsp(), "payee");
    Milestone confirmed = milestone.confirmed(tx.caller(), tx.now());
    MilestoneRepository milestones = new MilestoneRepository(tx.state());
    milestones.save(confirmed);
    // Reads do not see this transaction's own write, so count the confirmation in by hand.
    List<Milestone> after =
        milestones.findByOrder(order.orderId()).stream()
            .map(m -> m.milestoneId().equals(confirmed.milestoneId()) ? confirmed : m)
            .toList();
    String event = "MilestoneConfirmed";
    if (order.status() == OrderStatus.ACCEPTED && Trades.completable(tx, order, after)) {
      new OrderRepository(tx.state()).save(order.completed(tx.caller(), tx.now()));
      event = "OrderCompleted";
    }
    tx.emit(event, Map.of("orderId", order.orderId(), "milestoneId", milestone.milestoneId()));
    return CanonicalJson.write(confirmed);
  }

  private static Milestone milestone(Tx tx, String orderId, String milestoneId) {
    return new MilestoneRepository(tx.state())
        .find(orderId, milestoneId)
        .orElseThrow(
            () ->
                ErrorCode.MILESTONE_NOT_FOUND.exception(
                    "order %s has no milestone %s", orderId, milestoneId));
  }
}
