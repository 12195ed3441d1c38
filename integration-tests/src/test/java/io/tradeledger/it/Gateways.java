package io.tradeledger.it;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.tradeledger.api.config.ConnectionProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * Fabric Gateway connections to the network, one gRPC channel per organization's peer (TLS trusting
 * that organization's TLS CA, with the peer's host name as authority) and one Gateway per user over
 * it, each signing with that user's own key. Connections are opened on first use and all closed
 * together.
 *
 * <pre>{@code
 * try (Gateways gateways = Gateways.open(network, Deadlines.standard())) {
 *   Member buyer = gateways.member(Organization.IMPORTER, "User1");
 *   JsonNode order = buyer.evaluate(Transactions.GET_ORDER, "o-1");
 * }
 * }</pre>
 */
public final class Gateways implements AutoCloseable {
  private final FabricNetwork network;
  private final Deadlines deadlines;
  private final Map<Organization, ManagedChannel> channels = new EnumMap<>(Organization.class);
  private final Map<String, Member> members = new LinkedHashMap<>();

  private Gateways(FabricNetwork network, Deadlines deadlines) {
    this.network = network;
    this.deadlines = deadlines;
  }

  public static Gateways open(FabricNetwork network, Deadlines deadlines) {
    return new Gateways(network, deadlines);
  }

  /** The user {@code user} (User1, User2, ...) of an organization, connected to its own peer. */
  public synchronized Member member(Organization organization, String user) {
    return members.computeIfAbsent(
        organization.directory() + "/" + user, key -> connect(organization, user));
  }

  private Member connect(Organization organization, String user) {
    ConnectionProfile connection = network.connection(organization);
    try {
      Gateway gateway =
          connection
              .gateway(user, channel(organization))
              .evaluateOptions(deadline(deadlines.evaluate()))
              .endorseOptions(deadline(deadlines.endorse()))
              .submitOptions(deadline(deadlines.submit()))
              .commitStatusOptions(deadline(deadlines.commitStatus()))
              .connect();
      X509Certificate certificate = ((X509Identity) gateway.getIdentity()).getCertificate();
      return new Member(
          organization, user, certificate, gateway, connection, new CommitBarrier(network.ports()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credentials of " + user, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable credentials of " + user + " of " + organization, e);
    }
  }

  private ManagedChannel channel(Organization organization) {
    return channels.computeIfAbsent(
        organization,
        key -> {
          ConnectionProfile connection = network.connection(organization);
          try {
            return connection.openChannel();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot set up TLS to " + connection.peerEndpoint(), e);
          }
        });
  }

  private static UnaryOperator<CallOptions> deadline(Duration duration) {
    return options -> options.withDeadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    members.values().forEach(Member::close);
    members.clear();
    List<ManagedChannel> open = new ArrayList<>(channels.values());
    channels.clear();
    for (ManagedChannel channel : open) {
      channel.shutdownNow();
    }
    try {
      for (ManagedChannel channel : open) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
