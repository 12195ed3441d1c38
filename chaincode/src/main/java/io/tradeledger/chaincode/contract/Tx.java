package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Actor;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.LedgerState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What one transaction knows about itself: the caller, the transaction's time and id, the state,
 * transient data and the event it emits. Time comes only from the transaction timestamp, so every
 * endorsing peer computes the same writes.
 */
public final class Tx {
  private final ChaincodeStub stub;
  private final Actor caller;
  private final LedgerState state;

  private Tx(Context context) {
    this.stub = context.getStub();
    this.caller =
        new Actor(context.getClientIdentity().getMSPID(), context.getClientIdentity().getId());
    this.state = new LedgerState(stub);
  }

  public static Tx of(Context context) {
    return new Tx(context);
  }

  public Actor caller() {
    return caller;
  }

  public String callerMsp() {
    return caller.mspId();
  }

  /** The transaction's timestamp, as set by the client and identical on every endorser. */
  public Instant now() {
    return stub.getTxTimestamp();
  }

  public String txId() {
    return stub.getTxId();
  }

  /** The MSP ID of the peer executing this transaction. */
  public String peerMsp() {
    return stub.getMspId();
  }

  public LedgerState state() {
    return state;
  }

  public Optional<byte[]> transientValue(String name) {
    Map<String, byte[]> transientData = stub.getTransient();
    return Optional.ofNullable(transientData == null ? null : transientData.get(name));
  }

  /**
   * Emits the transaction's chaincode event. Fabric keeps only the last event set in a transaction,
   * so every transaction calls this exactly once, at its end.
   */
  public LedgerEvent emit(String type, Map<String, String> ids) {
    LedgerEvent event = LedgerEvent.of(type, ids, caller, txId(), now());
    stub.setEvent(type, CanonicalJson.bytes(event));
    return event;
  }
}
