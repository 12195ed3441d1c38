package io.tradeledger.chaincode.state;

import java.util.Optional;

/**
 * An organization's copy of an order's confidential terms, under {@code order-terms/<orderId>} in
 * its implicit private data collection {@code _implicit_org_<mspId>}.
 */
public final class TermsRepository {
  static final String TERMS = "order-terms";
  private static final String IMPLICIT_COLLECTION = "_implicit_org_";

  private final LedgerState state;

  public TermsRepository(LedgerState state) {
    this.state = state;
  }

  /** The implicit private data collection of {@code mspId}. */
  public static String collection(String mspId) {
    return IMPLICIT_COLLECTION + mspId;
  }

  public void save(String mspId, String orderId, byte[] terms) {
    state.putPrivate(collection(mspId), key(orderId), terms);
  }

  /** The terms {@code mspId} stored; readable only on a peer of {@code mspId}. */
  public Optional<byte[]> find(String mspId, String orderId) {
    return state.getPrivate(collection(mspId), key(orderId));
  }

  /** The SHA-256 of the terms {@code mspId} stored, readable on every peer. */
  public Optional<byte[]> hash(String mspId, String orderId) {
    return state.privateHash(collection(mspId), key(orderId));
  }

  private String key(String orderId) {
    return state.key(TERMS, orderId);
  }
}
