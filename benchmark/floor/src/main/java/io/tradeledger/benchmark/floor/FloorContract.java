package io.tradeledger.benchmark.floor;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The floor that Fabric and the Java shim set on this machine: the least a contract can do per
 * request, served by the same shim and server as ours (benchmark/README.md). The benchmark stores
 * one value the size of an order record and reads it back, and writes values the size of an
 * anchored document under new keys.
 */
@Contract(
    name = FloorNames.CONTRACT,
    info = @Info(title = "Benchmark floor", description = "One read of one key, one write"))
public final class FloorContract implements ContractInterface {

  /**
   * The value stored under {@code key}, as it is.
   *
   * @return the value, empty when there is none
   */
  @Transaction(name = FloorNames.READ, intent = Transaction.TYPE.EVALUATE)
  public String read(Context context, String key) {
    return context.getStub().getStringState(key);
  }

  /** Stores {@code value} under {@code key}: one write, nothing read. */
  @Transaction(name = FloorNames.WRITE, intent = Transaction.TYPE.SUBMIT)
  public void write(Context context, String key, String value) {
    context.getStub().putStringState(key, value);
  }
}
