package io.tradeledger.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.api.api.Requests.Terms;
import io.tradeledger.api.api.Results.ProposedOrder;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.transactions.Transactions;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Orders with confidential terms. The terms are salted here, written in the contract's canonical
 * form ({@link CanonicalTerms}) and stored in the caller's own implicit collection in a transaction
 * only its own peer endorses; only their SHA-256 goes on the shared order.
 */
public final class OrderService {
  private final LedgerService ledger;
  private final CanonicalTerms canonical;
  private final TermsSalts salts;

  public OrderService(LedgerService ledger, CanonicalTerms canonical, TermsSalts salts) {
    this.ledger = ledger;
    this.canonical = canonical;
    this.salts = salts;
  }

  /** The proposed order and the transaction that proposed it. */
  public record Proposed(String transactionId, ProposedOrder result) {}

  /**
   * Proposes the order as the caller's organization, then stores its copy of the terms. The body is
   * the contract's OrderProposal without its termsHash, which the service computes, plus the {@link
   * Terms}. A repeated proposal (same order, same terms) returns the existing order and stores the
   * terms if the first attempt did not: the salt is the client's own, or else derived from the
   * order and its terms ({@link TermsSalts}), so every attempt hashes alike. An order proposed with
   * a random salt (before salts were derived) is still recognised by the salt read back from this
   * organization's copy of the terms.
   */
  public Proposed propose(ApiUser user, JsonNode body) {
    if (!(LedgerService.required(body) instanceof ObjectNode order)) {
      throw new InvalidRequest("the body must be a JSON object");
    }
    if (order.has("termsHash")) {
      throw InvalidRequest.malformed(
          "termsHash is not accepted: the service computes it from the terms");
    }
    JsonNode termsJson = order.get("terms");
    if (termsJson == null || termsJson.isNull()) {
      throw new InvalidRequest("terms are required");
    }
    Terms requested = ledger.input(Terms.class, termsJson, Map.of());
    ObjectNode publicOrder = order.deepCopy();
    publicOrder.remove("terms");
    ConfidentialTerms terms = salts.salted(publicOrder.path("orderId").asText(), requested);
    try {
      return proposeWith(user, publicOrder, terms, true);
    } catch (LedgerRejection rejection) {
      String orderId = publicOrder.path("orderId").asText();
      if (!rejection.code().equals("ORDER_CONFLICT") || requested.salt() != null) {
        throw rejection;
      }
      ConfidentialTerms stored = storedTerms(user, orderId).orElseThrow(() -> rejection);
      if (!requested.salted(stored.salt()).equals(stored)) {
        throw rejection;
      }
      return proposeWith(user, publicOrder, stored, false);
    }
  }

  private Proposed proposeWith(
      ApiUser user, ObjectNode publicOrder, ConfidentialTerms terms, boolean storeTerms) {
    String hash = CanonicalTerms.sha256(canonical.bytes(terms));
    OrderProposal proposal =
        ledger.input(OrderProposal.class, publicOrder, Map.of("termsHash", hash));
    Outcome proposed = ledger.submit(user, Transactions.PROPOSE_ORDER, proposal);
    // An order that moved on was proposed before, with these terms stored: they can no longer be.
    if (storeTerms && "PROPOSED".equals(ledger.tree(proposed.json()).path("status").asText())) {
      storeTerms(user, proposal.orderId(), terms);
    }
    return new Proposed(proposed.transactionId(), new ProposedOrder(proposed.json(), terms, hash));
  }

  /** This organization's own copy of an order's terms, read on its own peer. */
  public byte[] terms(ApiUser user, String orderId) {
    return ledger.readOnOwnPeer(user, Transactions.GET_ORDER_TERMS, orderId);
  }

  private Optional<ConfidentialTerms> storedTerms(ApiUser user, String orderId) {
    try {
      return Optional.of(canonical.parse(terms(user, orderId)));
    } catch (LedgerRejection | IOException e) {
      return Optional.empty();
    }
  }

  /** Stores the caller's copy of the terms (the seller's before accepting, or a retry). */
  public Outcome storeTerms(ApiUser user, String orderId, ConfidentialTerms terms) {
    if (terms == null) {
      throw new InvalidRequest("the terms are required");
    }
    return ledger.submitPrivately(
        user,
        Transactions.STORE_ORDER_TERMS,
        orderId,
        Map.of(ConfidentialTerms.TRANSIENT_KEY, canonical.bytes(terms)));
  }

  /** The seller stores its copy of the terms, then accepts. */
  public Outcome accept(ApiUser user, String orderId, ConfidentialTerms terms) {
    storeTerms(user, orderId, terms);
    return ledger.submit(user, Transactions.ACCEPT_ORDER, orderId);
  }
}
