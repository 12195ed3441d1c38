package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each organization's chaincode server answers only its own peer: it serves mutual TLS and accepts
 * only client certificates issued by the organization's TLS CA. Otherwise anybody reaching the port
 * could drive the chaincode directly, outside endorsement. Checked with a plain TLS client on the
 * carrier's chaincode server, under TLS 1.2 and TLS 1.3.
 *
 * <p>A refusal is a TLS alert from the server (or, under TLS 1.2, the connection reset while the
 * client still writes its part of the handshake); an accepted client negotiates HTTP/2 and reads
 * the server's first bytes.
 *
 * <p>Under TLS 1.3 the client finishes its side of the handshake before the server has judged the
 * client's certificate: a refusal arrives as an alert on the client's first read. So every attempt
 * reads after the handshake; an accepted client either gets the server's HTTP/2 settings or nothing
 * until the read times out, a refused one gets the alert.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(3)
final class ChaincodeServerTlsIT {
  private static final Logger LOG = LoggerFactory.getLogger(ChaincodeServerTlsIT.class);
  private static final Organization SERVER = Organization.CARRIER;
  private static final int TIMEOUT_MILLIS = 5_000;
  private static final int READ_MILLIS = 2_000;

  private Path organizations;
  private int port;

  /** What became of one connection attempt. */
  private record Outcome(boolean accepted, boolean certificatePresented, String detail) {}

  @BeforeAll
  void locate(FabricNetwork network) {
    organizations = network.dataDirectory().resolve("crypto").resolve("peerOrganizations");
    port = network.ports().chaincodeServer(SERVER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void a_client_without_a_certificate_is_refused_in_the_handshake(String protocol)
      throws Exception {
    Outcome outcome = connect(protocol, null);

    assertThat(outcome.accepted()).as(outcome.detail()).isFalse();
    assertThat(outcome.certificatePresented()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void another_organizations_peer_certificate_is_refused_in_the_handshake(String protocol)
      throws Exception {
    Outcome outcome = connect(protocol, Organization.IMPORTER);

    assertThat(outcome.certificatePresented())
        .as("the importer's peer certificate was sent to the server")
        .isTrue();
    assertThat(outcome.accepted()).as(outcome.detail()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void the_organizations_own_peer_certificate_completes_the_handshake(String protocol)
      throws Exception {
    Outcome outcome = connect(protocol, SERVER);

    assertThat(outcome.certificatePresented()).isTrue();
    assertThat(outcome.accepted()).as(outcome.detail()).isTrue();
  }

  /**
   * Connects to the server's chaincode server with the given protocol, presenting the peer TLS
   * certificate of {@code client} (none when null), trusting only the chaincode server's CA.
   */
  private Outcome connect(String protocol, Organization client) throws Exception {
    PresentingKeyManager keys = client == null ? null : new PresentingKeyManager(peerTls(client));
    SSLContext context = SSLContext.getInstance(protocol);
    context.init(
        keys == null ? null : new PresentingKeyManager[] {keys},
        chaincodeServerTrust().getTrustManagers(),
        null);
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      plain.setSoTimeout(TIMEOUT_MILLIS);
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, false)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {protocol});
        // gRPC servers negotiate HTTP/2 through ALPN, as the peer does.
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        Outcome outcome = handshakeAndRead(socket, keys);
        LOG.info(
            "{} to {}'s chaincode server with {}: {}",
            protocol,
            SERVER.mspId(),
            client == null ? "no certificate" : client.mspId() + "'s peer certificate",
            outcome);
        return outcome;
      }
    }
  }

  private static Outcome handshakeAndRead(SSLSocket socket, PresentingKeyManager keys)
      throws IOException {
    try {
      socket.startHandshake();
    } catch (SSLException refused) {
      return new Outcome(false, presented(keys), "handshake failed: " + refused);
    } catch (SocketException brokenOff) {
      // TLS 1.2: the server judges the certificate as soon as it arrives, sends its alert and
      // closes, while the client may still be writing the rest of its flight: then the client
      // sees the reset instead of the alert.
      return new Outcome(false, presented(keys), "handshake broken off: " + brokenOff);
    }
    boolean presented = presented(keys);
    String negotiated =
        socket.getSession().getProtocol() + ", ALPN " + socket.getApplicationProtocol();
    socket.setSoTimeout(READ_MILLIS);
    try {
      int first = socket.getInputStream().read();
      if (first < 0) {
        return new Outcome(false, presented, negotiated + ", then closed by the server");
      }
      return new Outcome(true, presented, negotiated + ", the server's first byte read");
    } catch (SocketTimeoutException quiet) {
      return new Outcome(true, presented, negotiated + ", the server waits for the client");
    } catch (SSLException refused) {
      return new Outcome(false, presented, negotiated + ", refused on the first read: " + refused);
    } catch (SocketException brokenOff) {
      return new Outcome(
          false, presented, negotiated + ", broken off on the first read: " + brokenOff);
    }
  }

  private static boolean presented(PresentingKeyManager keys) {
    return keys != null && keys.presented.get();
  }

  private TrustManagerFactory chaincodeServerTrust() throws Exception {
    Path ca =
        organizationDirectory(SERVER)
            .resolve("peers")
            .resolve("chaincode." + SERVER.directory() + ".trade.local")
            .resolve("tls")
            .resolve("ca.crt");
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (Reader reader = Files.newBufferedReader(ca)) {
      trusted.setCertificateEntry("chaincode-ca", Identities.readX509Certificate(reader));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory;
  }

  /** The TLS certificate and key of the organization's peer. */
  private PeerTls peerTls(Organization organization) throws IOException, GeneralSecurityException {
    Path tls =
        organizationDirectory(organization)
            .resolve("peers")
            .resolve("peer0." + organization.directory() + ".trade.local")
            .resolve("tls");
    try (Reader certificate = Files.newBufferedReader(tls.resolve("server.crt"));
        Reader key = Files.newBufferedReader(tls.resolve("server.key"))) {
      return new PeerTls(
          Identities.readX509Certificate(certificate), Identities.readPrivateKey(key));
    }
  }

  private Path organizationDirectory(Organization organization) {
    return organizations.resolve(organization.directory() + ".trade.local");
  }

  private record PeerTls(X509Certificate certificate, PrivateKey key) {}

  /**
   * Offers its one certificate whatever the server asks for. A standard key manager offers only a
   * certificate from a CA the server names, so it would send none for another organization's
   * certificate, and the test would show nothing about that certificate.
   */
  private static final class PresentingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "peer";
    private final PeerTls identity;
    private final AtomicBoolean presented = new AtomicBoolean();

    PresentingKeyManager(PeerTls identity) {
      this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(
        String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      presented.set(true);
      return new X509Certificate[] {identity.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
