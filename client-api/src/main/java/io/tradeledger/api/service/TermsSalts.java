package io.tradeledger.api.service;

import io.tradeledger.api.api.Requests.Terms;
import io.tradeledger.contract.ConfidentialTerms;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salt of an order's confidential terms when the client gives none: HMAC-SHA256, under the
 * organization's secret, of the order id and the terms' canonical form without a salt. The same
 * order with the same terms always gets the same salt, so a proposal retried after any failure
 * (lost response, terms not stored, unknown outcome, a restart of the service) hashes to the order
 * the first attempt proposed; without the secret nobody can recompute it to guess the terms.
 */
public final class TermsSalts {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] CONTEXT =
      "trade-ledger terms salt v1".getBytes(StandardCharsets.UTF_8);

  /** Stands in for the salt while the terms are made canonical; never stored. */
  private static final String PLACEHOLDER = "0".repeat(32);

  private final SecretKeySpec secret;
  private final CanonicalTerms canonical;

  public TermsSalts(byte[] secret, CanonicalTerms canonical) {
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.canonical = canonical;
  }

  /** The terms salted with the client's salt, or else with the one derived for this order. */
  public ConfidentialTerms salted(String orderId, Terms terms) {
    if (terms.salt() != null) {
      return terms.salted(terms.salt());
    }
    byte[] unsalted = canonical.bytes(terms.salted(PLACEHOLDER));
    Mac mac = mac();
    mac.update(CONTEXT);
    mac.update((byte) 0);
    mac.update(orderId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return terms.salted(
        Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(unsalted)));
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
