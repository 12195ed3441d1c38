package io.tradeledger.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Dates;
import io.tradeledger.chaincode.domain.Milestone;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.MilestoneRepository;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.Page;
import io.tradeledger.chaincode.state.TermsRepository;
import io.tradeledger.chaincode.state.TradeParties;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.OrderDecision;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.Role;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Orders between a buyer (importer) and a seller (exporter), and their confidential terms. The
 * order and its milestones are endorsed by buyer AND seller once created; the terms live only in
 * each party's implicit private data collection, written in a transaction of its own that only that
 * party's peer endorses.
 */
@Contract(name = ContractNames.ORDERS, info = @Info(title = "Trade Ledger orders", version = "1.0"))
public final class OrderContract implements ContractInterface {
  /** The transient data key carrying the confidential terms. */
  public static final String TERMS = ConfidentialTerms.TRANSIENT_KEY;

  /** What storing terms returns: never the terms themselves. */
  public record TermsReceipt(String orderId, String termsHash, String collection) {}

  /**
   * Proposes an order; the caller, an IMPORTER, is its buyer.
   *
   * @param orderJson {@code {orderId, sellerMsp, lines: [{hsCode, description, quantity, unit}],
   *     incoterm, origin, destination, requestedDeliveryDate, totalValue, termsHash, milestones:
   *     [{milestoneId, shareBasisPoints, trigger, daysDue}]}}
   * @return the order as JSON (PROPOSED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     ROLE_REQUIRED (caller not an importer, seller not an exporter), PARTICIPANT_NOT_FOUND
   *     (seller), ORDER_CONFLICT (same id, different proposal), DATE_IN_PAST (requestedDeliveryDate
   *     already over everywhere on Earth)
   */
  @Transaction(name = TransactionNames.PROPOSE_ORDER, intent = Transaction.TYPE.SUBMIT)
  public String proposeOrder(Context context, String orderJson) {
    Tx tx = Tx.of(context);
    OrderProposal proposal = CanonicalJson.parse(orderJson, OrderProposal.class);
    Access.withRole(tx, Role.IMPORTER);
    Access.counterparty(tx, proposal.sellerMsp(), Role.EXPORTER);
    if (proposal.sellerMsp().equals(tx.callerMsp())) {
      throw Checks.invalid("sellerMsp", "must be another organization than the buyer");
    }
    OrderRepository orders = new OrderRepository(tx.state());
    Optional<Order> existing = orders.find(proposal.orderId());
    if (existing.isPresent()) {
      if (existing.get().buyerMsp().equals(tx.callerMsp())
          && existing.get().proposal().equals(proposal)) {
        return CanonicalJson.write(Trades.view(tx, existing.get()));
      }
      throw ErrorCode.ORDER_CONFLICT.exception(
          "order %s exists with different content", proposal.orderId());
    }
    Dates.notPast("requestedDeliveryDate", proposal.requestedDeliveryDate(), tx.now());
    Audit audit = Audit.created(tx.caller(), tx.now());
    Order order = Order.propose(proposal, tx.callerMsp(), audit);
    List<String> parties = List.of(order.buyerMsp(), order.sellerMsp());
    orders.save(order);
    tx.state().endorsedByAll(orders.key(order.orderId()), parties);
    MilestoneRepository milestones = new MilestoneRepository(tx.state());
    for (Milestone milestone : Milestone.of(order, audit)) {
      milestones.save(milestone);
      tx.state().endorsedByAll(milestones.key(order.orderId(), milestone.milestoneId()), parties);
    }
    TradeParties tradeParties = new TradeParties(tx.state());
    tradeParties.join(order.orderId(), order.buyerMsp());
    tradeParties.join(order.orderId(), order.sellerMsp());
    tx.emit("OrderProposed", Map.of("orderId", order.orderId()));
    return CanonicalJson.write(order);
  }

  /**
   * Stores the caller's copy of the order's confidential terms in its own implicit private data
   * collection. Must be endorsed by the caller's own peer only.
   *
   * <p>The terms must price the public order: every line exactly once in the order's currency
   * (TERMS_LINES_MISPRICED), and the priced total less the discount (basis points of the priced
   * total, rounded half up to the minor unit) plus the itemised charges must equal the order's
   * total value (TERMS_TOTAL_MISMATCH).
   *
   * @param orderId the order; transient {@code terms}: the canonical JSON of {@code {salt,
   *     linePrices: [{line, unitPrice}], discountBasisPoints, charges?: [{description, amount}],
   *     clauses}} whose SHA-256 is the order's termsHash
   * @return {@code {orderId, termsHash, collection}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (terms not canonical),
   *     ORDER_NOT_FOUND, ACCESS_DENIED (not buyer or seller), WRONG_ENDORSING_PEER,
   *     TERMS_NOT_PROVIDED, TERMS_HASH_MISMATCH, ORDER_INVALID_TRANSITION (not PROPOSED),
   *     TERMS_LINES_MISPRICED, TERMS_TOTAL_MISMATCH
   */
  @Transaction(name = TransactionNames.STORE_ORDER_TERMS, intent = Transaction.TYPE.SUBMIT)
  public String storeOrderTerms(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Order order = Trades.ofParty(tx, orderId);
    requireOwnPeer(tx);
    byte[] terms =
        tx.transientValue(TERMS)
            .orElseThrow(
                () ->
                    ErrorCode.TERMS_NOT_PROVIDED.exception(
                        "pass the terms as transient data '%s'", TERMS));
    ConfidentialTerms parsed =
        CanonicalJson.parse(new String(terms, UTF_8), ConfidentialTerms.class);
    if (!Arrays.equals(CanonicalJson.bytes(parsed), terms)) {
      throw Checks.invalid(
          "terms", "must be canonical JSON (sorted properties, no white space, no nulls)");
    }
    if (!sha256(terms).equals(order.termsHash())) {
      throw ErrorCode.TERMS_HASH_MISMATCH.exception(
          "the terms do not hash to order %s's termsHash", orderId);
    }
    if (order.status() != OrderStatus.PROPOSED) {
      throw ErrorCode.ORDER_INVALID_TRANSITION.exception(
          "order %s is %s: terms are stored while it is PROPOSED", orderId, order.status());
    }
    parsed.checkPrices(order.lines(), order.totalValue());
    new TermsRepository(tx.state()).save(tx.callerMsp(), orderId, terms);
    tx.emit("OrderTermsStored", Map.of("orderId", orderId));
    return CanonicalJson.write(
        new TermsReceipt(orderId, order.termsHash(), TermsRepository.collection(tx.callerMsp())));
  }

  /**
   * The caller's own copy of the confidential terms, read on its own peer.
   *
   * @return the terms' canonical JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException ORDER_NOT_FOUND, ACCESS_DENIED,
   *     WRONG_ENDORSING_PEER, TERMS_NOT_STORED
   */
  @Transaction(name = TransactionNames.GET_ORDER_TERMS, intent = Transaction.TYPE.EVALUATE)
  public String getOrderTerms(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Trades.ofParty(tx, orderId);
    requireOwnPeer(tx);
    return new TermsRepository(tx.state())
        .find(tx.callerMsp(), orderId)
        .map(bytes -> new String(bytes, UTF_8))
        .orElseThrow(
            () ->
                ErrorCode.TERMS_NOT_STORED.exception(
                    "%s has not stored the terms of order %s", tx.callerMsp(), orderId));
  }

  /**
   * The seller accepts a proposed order, once buyer and seller both stored terms that hash to the
   * order's termsHash (checked through the private data hashes, readable on every peer).
   *
   * @return the order as JSON (ACCEPTED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException ORDER_NOT_FOUND, ACCESS_DENIED (not the
   *     seller), ORDER_INVALID_TRANSITION, TERMS_NOT_STORED, TERMS_HASH_MISMATCH
   */
  @Transaction(name = TransactionNames.ACCEPT_ORDER, intent = Transaction.TYPE.SUBMIT)
  public String acceptOrder(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Order order = Trades.readable(tx, orderId);
    Access.requireCaller(tx, order.sellerMsp(), "seller");
    Order accepted = order.accepted(tx.caller(), tx.now());
    TermsRepository terms = new TermsRepository(tx.state());
    for (String party : List.of(order.buyerMsp(), order.sellerMsp())) {
      byte[] hash =
          terms
              .hash(party, orderId)
              .orElseThrow(
                  () ->
                      ErrorCode.TERMS_NOT_STORED.exception(
                          "%s has not stored the terms of order %s", party, orderId));
      if (!HexFormat.of().formatHex(hash).equals(order.termsHash())) {
        throw ErrorCode.TERMS_HASH_MISMATCH.exception(
            "the terms %s stored do not hash to order %s's termsHash", party, orderId);
      }
    }
    new OrderRepository(tx.state()).save(accepted);
    tx.emit("OrderAccepted", Map.of("orderId", orderId));
    return CanonicalJson.write(accepted);
  }

  /**
   * The seller rejects a proposed order.
   *
   * @param decisionJson {@code {orderId, reason}}
   * @return the order as JSON (REJECTED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND,
   *     ACCESS_DENIED (not the seller), ORDER_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.REJECT_ORDER, intent = Transaction.TYPE.SUBMIT)
  public String rejectOrder(Context context, String decisionJson) {
    Tx tx = Tx.of(context);
    OrderDecision decision = CanonicalJson.parse(decisionJson, OrderDecision.class);
    Order order = Trades.readable(tx, decision.orderId());
    Access.requireCaller(tx, order.sellerMsp(), "seller");
    Order rejected = order.rejected(decision.reason(), tx.caller(), tx.now());
    new OrderRepository(tx.state()).save(rejected);
    tx.emit("OrderRejected", Map.of("orderId", order.orderId()));
    return CanonicalJson.write(rejected);
  }

  /**
   * The buyer cancels an order the seller has not accepted yet.
   *
   * @param decisionJson {@code {orderId, reason}}
   * @return the order as JSON (CANCELLED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND,
   *     ACCESS_DENIED (not the buyer), ORDER_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.CANCEL_ORDER, intent = Transaction.TYPE.SUBMIT)
  public String cancelOrder(Context context, String decisionJson) {
    Tx tx = Tx.of(context);
    OrderDecision decision = CanonicalJson.parse(decisionJson, OrderDecision.class);
    Order order = Trades.readable(tx, decision.orderId());
    Access.requireCaller(tx, order.buyerMsp(), "buyer");
    Order cancelled = order.cancelled(decision.reason(), tx.caller(), tx.now());
    new OrderRepository(tx.state()).save(cancelled);
    tx.emit("OrderCancelled", Map.of("orderId", order.orderId()));
    return CanonicalJson.write(cancelled);
  }

  /**
   * Marks an accepted order COMPLETED once every milestone is confirmed and the delivered shipments
   * cover every ordered quantity (for when delivery came after the last payment confirmation).
   *
   * @return the order as JSON (COMPLETED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException ORDER_NOT_FOUND, ACCESS_DENIED (not
   *     buyer or seller), ORDER_INVALID_TRANSITION (not ACCEPTED), ORDER_NOT_COMPLETABLE
   */
  @Transaction(name = TransactionNames.COMPLETE_ORDER, intent = Transaction.TYPE.SUBMIT)
  public String completeOrder(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    Order order = Trades.ofParty(tx, orderId);
    if (order.status() != OrderStatus.ACCEPTED) {
      throw ErrorCode.ORDER_INVALID_TRANSITION.exception(
          "order %s is %s: only an ACCEPTED order can become COMPLETED", orderId, order.status());
    }
    List<Milestone> milestones = new MilestoneRepository(tx.state()).findByOrder(orderId);
    if (!Trades.completable(tx, order, milestones)) {
      throw ErrorCode.ORDER_NOT_COMPLETABLE.exception(
          "order %s needs every milestone CONFIRMED and DELIVERED shipments covering every ordered"
              + " quantity",
          orderId);
    }
    Order completed = order.completed(tx.caller(), tx.now());
    new OrderRepository(tx.state()).save(completed);
    tx.emit("OrderCompleted", Map.of("orderId", orderId));
    return CanonicalJson.write(completed);
  }

  /**
   * One order, with its derived status.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND (absent
   *     or not readable by the caller)
   */
  @Transaction(name = TransactionNames.GET_ORDER, intent = Transaction.TYPE.EVALUATE)
  public String getOrder(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    return CanonicalJson.write(Trades.view(tx, Trades.readable(tx, orderId)));
  }

  /**
   * A page of the orders the caller takes part in (as buyer, seller, carrier, customs
   * representative or authority, or insurer), by order id.
   *
   * @param pageSize 1 to 100
   * @param bookmark empty for the first page, else the previous page's bookmark
   * @return {@code {records: [orders with derived status], bookmark?}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT
   */
  @Transaction(name = TransactionNames.LIST_ORDERS, intent = Transaction.TYPE.EVALUATE)
  public String listOrders(Context context, String pageSize, String bookmark) {
    Tx tx = Tx.of(context);
    int size = Checks.pageSize(pageSize, 100);
    OrderRepository orders = new OrderRepository(tx.state());
    Page<Order> page =
        new TradeParties(tx.state())
            .orders(
                tx.callerMsp(),
                size,
                bookmark,
                orderId -> orders.find(orderId).map(order -> Trades.view(tx, order)));
    return CanonicalJson.write(page);
  }

  private static void requireOwnPeer(Tx tx) {
    if (!tx.peerMsp().equals(tx.callerMsp())) {
      throw ErrorCode.WRONG_ENDORSING_PEER.exception(
          "private terms of %s must be handled on its own peer, not on a peer of %s",
          tx.callerMsp(), tx.peerMsp());
    }
  }

  private static String sha256(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
