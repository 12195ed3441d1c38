package io.tradeledger.chaincode.server;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Starts the contract as a chaincode server (chaincode-as-a-service) that peers dial.
 *
 * <p>The shim's own {@code ContractRouter.main} serves TLS but never asks the peer for a client
 * certificate, so anyone who can reach the port can drive the contract. This entry point adds
 * mutual TLS: with {@code CORE_PEER_TLS_ENABLED=true}, {@code CORE_TLS_CLIENT_CERT_FILE} and {@code
 * CORE_TLS_CLIENT_KEY_FILE} (the server's certificate and PKCS#8 key), and {@code
 * CHAINCODE_TLS_CLIENT_CA_FILE} (the CA that issued the peer's TLS client certificate), a
 * connection without a certificate from that CA is refused during the handshake.
 *
 * <p>Everything else is the shim's environment: {@code CHAINCODE_SERVER_ADDRESS}, {@code
 * CORE_CHAINCODE_ID_NAME} (the package id) and {@code CORE_PEER_LOCALMSPID}, which the contract's
 * own-peer checks read.
 */
public final class ChaincodeServerMain {
  static final String CLIENT_CA_FILE = "CHAINCODE_TLS_CLIENT_CA_FILE";

  private ChaincodeServerMain() {}

  public static void main(String[] args) throws Exception {
    ContractRouter router = new ContractRouter(args);
    if (!router.isServer()) {
      throw new IllegalStateException(
          "CHAINCODE_SERVER_ADDRESS is not set: this entry point only runs as a chaincode server");
    }
    ChaincodeServerProperties properties = router.getChaincodeServerConfig();
    String clientCa = System.getenv(CLIENT_CA_FILE);
    if (clientCa != null && !clientCa.isBlank()) {
      if (!properties.isTlsEnabled()) {
        throw new IllegalStateException(
            CLIENT_CA_FILE + " is set but TLS is not (CORE_PEER_TLS_ENABLED=true is missing)");
      }
      properties.setTrustCertCollectionFile(clientCa);
    }
    router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, properties));
  }
}
