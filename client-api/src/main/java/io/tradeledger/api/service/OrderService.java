package io.tradeledger.api.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradeledger.api.api.Requests.OrderProposal;
import io.tradeledger.api.api.Requests.ProposeOrder;
import io.tradeledger.api.api.Requests.SaltedTerms;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerRejection;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Orders with confidential terms. The terms are salted here, written as the canonical JSON the
 * contract checks (properties sorted, no white space, nothing null), and stored in the caller's own
 * implicit collection in a transaction only its own peer endorses; only their SHA-256 goes on the
 * shared order.
 */
public final class OrderService {
  /** The same canonical form as the contract's mapper, for the terms alone. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private final LedgerService ledger;
  private final SecureRandom random;

  public OrderService(LedgerService ledger, SecureRandom random) {
    this.ledger = ledger;
    this.random = random;
  }

  /** The proposed order, the terms with their salt (to hand to the seller) and their hash. */
  public record Proposed(String transactionId, String order, SaltedTerms terms, String termsHash) {}

  /**
   * Proposes the order as the caller's organization, then stores its copy of the terms. A repeated
   * proposal (same order, same terms) returns the existing order: the salt of the first attempt is
   * read back from this organization's own copy of the terms.
   */
  public Proposed propose(ApiUser user, ProposeOrder request) {
    if (request.terms() == null) {
      throw new InvalidRequest("terms are required");
    }
    SaltedTerms terms = request.terms().salted(newSalt());
    try {
      return proposeWith(user, request, terms, true);
    } catch (LedgerRejection rejection) {
      if (!rejection.code().equals("ORDER_CONFLICT")) {
        throw rejection;
      }
      SaltedTerms stored = storedTerms(user, request.orderId()).orElseThrow(() -> rejection);
      if (!request.terms().salted(stored.salt()).equals(stored)
          || (request.terms().salt() != null && !request.terms().salt().equals(stored.salt()))) {
        throw rejection;
      }
      return proposeWith(user, request, stored, false);
    }
  }

  private Proposed proposeWith(
      ApiUser user, ProposeOrder request, SaltedTerms terms, boolean storeTerms) {
    String hash = sha256(canonical(terms));
    Outcome proposed =
        ledger.submitJson(
            user, "orders", "ProposeOrder", OrderProposal.of(request, hash), Map.of());
    if (storeTerms) {
      storeTerms(user, request.orderId(), terms);
    }
    return new Proposed(proposed.transactionId(), proposed.json(), terms, hash);
  }

  /** This organization's stored copy of an order's terms, if it has one. */
  private Optional<SaltedTerms> storedTerms(ApiUser user, String orderId) {
    try {
      return Optional.of(
          CANONICAL.readValue(
              ledger.read(user, "orders", "GetOrderTerms", orderId), SaltedTerms.class));
    } catch (LedgerRejection | JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Stores the caller's copy of the terms (the seller's before accepting, or a retry). */
  public Outcome storeTerms(ApiUser user, String orderId, SaltedTerms terms) {
    return ledger.submit(
        user,
        LedgerCall.privately(
            "orders", "StoreOrderTerms", Map.of("terms", canonical(terms)), orderId));
  }

  /** The seller stores its copy of the terms, then accepts. */
  public Outcome accept(ApiUser user, String orderId, SaltedTerms terms) {
    storeTerms(user, orderId, terms);
    return ledger.submit(user, "orders", "AcceptOrder", orderId);
  }

  /** The canonical bytes of the terms: what both parties store and the order's hash covers. */
  public static byte[] canonical(SaltedTerms terms) {
    try {
      return CANONICAL.writeValueAsString(terms).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private String newSalt() {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
  }
}
