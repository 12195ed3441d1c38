package io.tradeledger.chaincode.server;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 *
 * <p>The shim logs three INFO lines for every request it routes (with every argument), a cost a
 * profile of reads found at 13% of the server's CPU. Its loggers therefore run at WARNING unless
 * the shim's own variables say otherwise: {@code CORE_CHAINCODE_LOGGING_LEVEL} for its contract
 * routing ({@code org.hyperledger.fabric.contract}), {@code CORE_CHAINCODE_LOGGING_SHIM} for the
 * rest ({@code org.hyperledger.fabric.shim}), each {@code DEBUG}, {@code INFO}, {@code WARNING} or
 * {@code ERROR}. Our own logger ({@code io.tradeledger}) stays at INFO.
 */
public final class ChaincodeServerMain {
  static final String CLIENT_CA_FILE = "CHAINCODE_TLS_CLIENT_CA_FILE";
  static final String ROUTING_LOG_LEVEL = "CORE_CHAINCODE_LOGGING_LEVEL";
  static final String SHIM_LOG_LEVEL = "CORE_CHAINCODE_LOGGING_SHIM";

  /** Held here: java.util.logging keeps loggers only weakly, and with them their levels. */
  private static final Logger ROUTING = Logger.getLogger("org.hyperledger.fabric.contract");

  private static final Logger SHIM = Logger.getLogger("org.hyperledger.fabric.shim");
  private static final Logger LOG = Logger.getLogger(ChaincodeServerMain.class.getName());

  private ChaincodeServerMain() {}

  /**
   * The shim's loggers quiet by default: WARNING for each whose variable is unset (the shim itself
   * would take INFO); a set variable is left to the shim, which has already applied it.
   */
  static void quietShimLogging(Map<String, String> environment) {
    for (Map.Entry<String, Logger> logger :
        Map.of(ROUTING_LOG_LEVEL, ROUTING, SHIM_LOG_LEVEL, SHIM).entrySet()) {
      String configured = environment.get(logger.getKey());
      if (configured == null || configured.isBlank()) {
        logger.getValue().setLevel(Level.WARNING);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    ContractRouter router = new ContractRouter(args);
    quietShimLogging(System.getenv());
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
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "trade chaincode server on %s (shim logging: routing %s, shim %s)",
                properties.getServerAddress(),
                ROUTING.getLevel(),
                SHIM.getLevel()));
    router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, properties));
  }
}
