package io.tradeledger.it;

/**
 * The port plan of network/network.sh, from its base port B: orderer n (1 to 3) listens on B+10n
 * (gRPC), B+10n+1 (admin) and B+10n+2 (operations); the peer of the organization with index k on
 * B+100+10k (gRPC) and B+100+10k+2 (operations); its chaincode server on B+100+10k+3; its
 * client-api on B+100+10k+4.
 */
public record Ports(int base) {
  public int ordererOperations(int orderer) {
    if (orderer < 1 || orderer > 3) {
      throw new IllegalArgumentException("no orderer " + orderer);
    }
    return base + 10 * orderer + 2;
  }

  public int peerOperations(Organization organization) {
    return base + 100 + 10 * organization.index() + 2;
  }

  /** The organization's chaincode server, which only its own peer may call (mutual TLS). */
  public int chaincodeServer(Organization organization) {
    return base + 100 + 10 * organization.index() + 3;
  }

  /** The organization's client-api (HTTP). */
  public int api(Organization organization) {
    return base + 100 + 10 * organization.index() + 4;
  }
}
