package io.tradeledger.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradeledger.api.api.Requests.OrderProposal;
import io.tradeledger.api.api.Requests.ProposeOrder;
import io.tradeledger.api.api.Requests.SaltedTerms;
import io.tradeledger.api.api.Results.ProposedOrder;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerRejection;
import java.security.SecureRandom;
import java.util.Base64;
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
  private final SecureRandom random;

  public OrderService(LedgerService ledger, CanonicalTerms canonical, SecureRandom random) {
    this.ledger = ledger;
    this.canonical = canonical;
    this.random = random;
  }

  /** The proposed order and the transaction that proposed it. */
  public record Proposed(String transactionId, ProposedOrder result) {}

  /**
   * Proposes the order as the caller's organization, then stores its copy of the terms. A repeated
   * proposal (same order, same terms) returns the existing order: the salt is the client's own, or
   * else the one of the first attempt, read back from this organization's copy of the terms.
   */
  public Proposed propose(ApiUser user, ProposeOrder request) {
    if (request.terms() == null) {
      throw new InvalidRequest("terms are required");
    }
    SaltedTerms terms = request.terms().salted(newSalt());
    try {
      return proposeWith(user, request, terms, true);
    } catch (LedgerRejection rejection) {
      if (!rejection.code().equals("ORDER_CONFLICT") || request.terms().salt() != null) {
        throw rejection;
      }
      SaltedTerms stored = storedTerms(user, request.orderId()).orElseThrow(() -> rejection);
      if (!request.terms().salted(stored.salt()).equals(stored)) {
        throw rejection;
      }
      return proposeWith(user, request, stored, false);
    }
  }

  private Proposed proposeWith(
      ApiUser user, ProposeOrder request, SaltedTerms terms, boolean storeTerms) {
    String hash = CanonicalTerms.sha256(canonical.bytes(terms));
    Outcome proposed =
        ledger.submitJson(
            user, "orders", "ProposeOrder", OrderProposal.of(request, hash), Map.of());
    // An order that moved on was proposed before, with these terms stored: they can no longer be.
    if (storeTerms && "PROPOSED".equals(ledger.tree(proposed.json()).path("status").asText())) {
      storeTerms(user, request.orderId(), terms);
    }
    return new Proposed(proposed.transactionId(), new ProposedOrder(proposed.json(), terms, hash));
  }

  /** This organization's own copy of an order's terms, read on its own peer. */
  public String terms(ApiUser user, String orderId) {
    return ledger.read(user, LedgerCall.onOwnPeer("orders", "GetOrderTerms", orderId));
  }

  private Optional<SaltedTerms> storedTerms(ApiUser user, String orderId) {
    try {
      return Optional.of(canonical.parse(terms(user, orderId)));
    } catch (LedgerRejection | JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Stores the caller's copy of the terms (the seller's before accepting, or a retry). */
  public Outcome storeTerms(ApiUser user, String orderId, SaltedTerms terms) {
    if (terms == null) {
      throw new InvalidRequest("the terms are required");
    }
    return ledger.submit(
        user,
        LedgerCall.privately(
            "orders", "StoreOrderTerms", Map.of("terms", canonical.bytes(terms)), orderId));
  }

  /** The seller stores its copy of the terms, then accepts. */
  public Outcome accept(ApiUser user, String orderId, SaltedTerms terms) {
    storeTerms(user, orderId, terms);
    return ledger.submit(user, "orders", "AcceptOrder", orderId);
  }

  private String newSalt() {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
  }
}
