package io.tradeledger.benchmark;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.tradeledger.api.config.ConnectionProfile;
import io.tradeledger.benchmark.floor.FloorNames;
import io.tradeledger.contract.transactions.Argument;
import io.tradeledger.contract.transactions.Evaluate;
import io.tradeledger.contract.transactions.Submit;
import io.tradeledger.contract.transactions.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;

/**
 * The raw Fabric Gateway, as client-api itself uses it: one gRPC channel per organization's peer
 * and one Gateway per Fabric user over it, each signing with that user's key through client-api's
 * {@code P256Signer} (through {@code ConnectionProfile.gateway}). A submit returns once the
 * transaction committed on the organization's peer, as the API's does.
 */
final class GatewayClient implements AutoCloseable {
  private static final Duration EVALUATE = Duration.ofSeconds(30);
  private static final Duration ENDORSE = Duration.ofSeconds(30);
  private static final Duration SUBMIT = Duration.ofSeconds(30);
  private static final Duration COMMIT_STATUS = Duration.ofSeconds(60);

  private final Network network;
  private final Map<Organization, ManagedChannel> channels = new EnumMap<>(Organization.class);
  private final Map<String, Gateway> gateways = new HashMap<>();

  GatewayClient(Network network) {
    this.network = network;
  }

  /** A failed call, with what each peer answered (the contract's error, for a refusal). */
  static final class LedgerFailure extends Exception {
    LedgerFailure(GatewayException cause) {
      super(describe(cause), cause);
    }

    LedgerFailure(CommitException cause) {
      super("transaction " + cause.getTransactionId() + " committed as " + cause.getCode(), cause);
    }

    private static String describe(GatewayException failure) {
      StringBuilder message = new StringBuilder(failure.getMessage());
      failure
          .getDetails()
          .forEach(
              detail ->
                  message
                      .append("; ")
                      .append(detail.getAddress())
                      .append(": ")
                      .append(detail.getMessage()));
      return message.toString();
    }
  }

  /** Evaluates one of our transactions as {@code user} on the organization's own peer. */
  <I> byte[] evaluate(Organization organization, String user, Evaluate<I> transaction, I input)
      throws LedgerFailure {
    try {
      return proposal(ours(organization, user), transaction, input).evaluate();
    } catch (GatewayException e) {
      throw new LedgerFailure(e);
    }
  }

  /** Submits one of our transactions and waits until it committed on the organization's peer. */
  <I> byte[] submit(Organization organization, String user, Submit<I> transaction, I input)
      throws LedgerFailure {
    return submitted(proposal(ours(organization, user), transaction, input));
  }

  /** Evaluates a transaction of the floor contract. */
  byte[] evaluateFloor(Organization organization, String user, String name, String... arguments)
      throws LedgerFailure {
    try {
      return floor(organization, user)
          .newProposal(FloorNames.qualified(name))
          .addArguments(arguments)
          .build()
          .evaluate();
    } catch (GatewayException e) {
      throw new LedgerFailure(e);
    }
  }

  /** Submits a transaction of the floor contract and waits for its commit. */
  byte[] submitFloor(Organization organization, String user, String name, String... arguments)
      throws LedgerFailure {
    return submitted(
        floor(organization, user)
            .newProposal(FloorNames.qualified(name))
            .addArguments(arguments)
            .build());
  }

  private static byte[] submitted(Proposal proposal) throws LedgerFailure {
    try {
      return proposal.endorse().submit();
    } catch (CommitException e) {
      throw new LedgerFailure(e);
    } catch (GatewayException e) {
      throw new LedgerFailure(e);
    }
  }

  private static <I> Proposal proposal(Contract contract, Transaction<I> transaction, I input) {
    Proposal.Builder proposal = contract.newProposal(transaction.qualifiedName());
    for (Argument argument : transaction.arguments(input)) {
      proposal.addArguments(
          argument instanceof Argument.Text text
              ? text.value()
              : Json.write(((Argument.Json) argument).value()));
    }
    return proposal.build();
  }

  private Contract ours(Organization organization, String user) {
    ConnectionProfile profile = network.profile(organization);
    return gateway(organization, user)
        .getNetwork(profile.channel())
        .getContract(profile.chaincode());
  }

  private Contract floor(Organization organization, String user) {
    ConnectionProfile profile = network.profile(organization);
    return gateway(organization, user)
        .getNetwork(profile.channel())
        .getContract(FloorNames.CHAINCODE);
  }

  private synchronized Gateway gateway(Organization organization, String user) {
    return gateways.computeIfAbsent(
        organization.directory() + "/" + user, key -> connect(organization, user));
  }

  private Gateway connect(Organization organization, String user) {
    try {
      return network
          .profile(organization)
          .gateway(user, channel(organization))
          .evaluateOptions(deadline(EVALUATE))
          .endorseOptions(deadline(ENDORSE))
          .submitOptions(deadline(SUBMIT))
          .commitStatusOptions(deadline(COMMIT_STATUS))
          .connect();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credentials of " + user, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable credentials of " + user, e);
    }
  }

  private ManagedChannel channel(Organization organization) {
    return channels.computeIfAbsent(
        organization,
        key -> {
          ConnectionProfile profile = network.profile(organization);
          try {
            return profile.openChannel();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot set up TLS to " + profile.peerEndpoint(), e);
          }
        });
  }

  private static UnaryOperator<CallOptions> deadline(Duration duration) {
    return options -> options.withDeadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    gateways.values().forEach(Gateway::close);
    gateways.clear();
    List<ManagedChannel> open = new ArrayList<>(channels.values());
    channels.clear();
    open.forEach(ManagedChannel::shutdownNow);
    try {
      for (ManagedChannel channel : open) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
