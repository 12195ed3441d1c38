package io.tradeledger.api.ledger;

import com.google.protobuf.ByteString;
import io.dropwizard.lifecycle.Managed;
import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tradeledger.api.config.ConnectionProfile;
import io.tradeledger.api.config.Deadlines;
import io.tradeledger.contract.transactions.Transactions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger through the Fabric Gateway of the organization's own peer: one gRPC channel for the
 * whole service, and one Gateway connection per Fabric user over it, so every transaction is signed
 * by the identity of the person behind the request. Started and stopped with the service.
 */
public final class FabricGatewayLedger implements LedgerPort, Managed {
  private static final Logger LOG = LoggerFactory.getLogger(FabricGatewayLedger.class);

  /**
   * The endorsing peers answered differently: they simulated the transaction on either side of a
   * change of what it reads. Nothing was ordered; a new attempt can succeed (409, retried).
   */
  public static final String ENDORSEMENT_MISMATCH = "ENDORSEMENT_MISMATCH";

  /**
   * The peers of the organizations whose endorsement the change needs could not be reached, or the
   * Gateway found no set of reachable peers that satisfies its endorsement policy. Nothing was
   * ordered (503).
   */
  public static final String ENDORSERS_UNAVAILABLE = "ENDORSERS_UNAVAILABLE";

  /** The Gateway's detail for an endorser whose answer differs from the others'. */
  private static final String PAYLOADS_DIFFER = "ProposalResponsePayloads do not match";

  /** The Gateway's messages for an endorsement it could not collect. */
  private static final List<String> ENDORSEMENTS_MISSING =
      List.of(
          "failed to collect enough transaction endorsements",
          "no combination of peers can be derived which satisfy the endorsement policy");

  private final ConnectionProfile profile;
  private final Deadlines deadlines;
  private final Map<String, Gateway> gateways = new TreeMap<>();
  private final MvccRetry retry = MvccRetry.standard();
  private ManagedChannel channel;

  public FabricGatewayLedger(ConnectionProfile profile, Deadlines deadlines) {
    this.profile = profile;
    this.deadlines = deadlines;
  }

  @Override
  public void start() throws IOException, CertificateException, InvalidKeyException {
    channel =
        NettyChannelBuilder.forTarget(profile.peerEndpoint())
            .sslContext(
                GrpcSslContexts.forClient()
                    .trustManager(profile.tlsCaCertificate().toFile())
                    .build())
            .overrideAuthority(profile.peerHostAlias())
            .build();
    for (var entry : profile.users().entrySet()) {
      gateways.put(entry.getKey(), connect(entry.getValue()));
    }
    LOG.info(
        "Connected to peer {} of {} for {} Fabric users",
        profile.peerEndpoint(),
        profile.mspId(),
        gateways.size());
  }

  @Override
  public void stop() throws InterruptedException {
    gateways.values().forEach(Gateway::close);
    gateways.clear();
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public String mspId() {
    return profile.mspId();
  }

  @Override
  public byte[] evaluate(String fabricUser, LedgerCall call) {
    try {
      return proposal(fabricUser, call).evaluate();
    } catch (GatewayException e) {
      throw translate(e, null);
    }
  }

  /** Every attempt within {@code deadlines.request}; each call also within its own deadline. */
  @Override
  public Submitted submit(String fabricUser, LedgerCall call) {
    return retry.run(
        deadlines.request().toMilliseconds(),
        remaining ->
            submitOnce(fabricUser, call, Deadline.after(remaining, TimeUnit.MILLISECONDS)));
  }

  private Submitted submitOnce(String fabricUser, LedgerCall call, Deadline overall) {
    Proposal proposal = proposal(fabricUser, call);
    String transactionId = proposal.getTransactionId();
    Transaction transaction;
    try {
      transaction = proposal.endorse(within(deadlines.endorse(), overall));
    } catch (EndorseException e) {
      throw translate(e, transactionId);
    }
    try {
      SubmittedTransaction submitted = transaction.submitAsync(within(deadlines.submit(), overall));
      Status status = submitted.getStatus(within(deadlines.commitStatus(), overall));
      if (!status.isSuccessful()) {
        throw new LedgerRejection(
            status.getCode().name(),
            "transaction " + transactionId + " was invalidated at commit",
            transactionId,
            null);
      }
      return new Submitted(transactionId, submitted.getResult());
    } catch (SubmitException | CommitStatusException e) {
      // Once the transaction left for the orderer, any failure leaves its outcome unknown.
      throw new OutcomeUnknown(transactionId, transaction.getResult(), e);
    }
  }

  @Override
  public TransactionStatus transactionStatus(String fabricUser, String transactionId) {
    Gateway gateway = gateway(fabricUser);
    Identity identity = gateway.getIdentity();
    CommitStatusRequest request =
        CommitStatusRequest.newBuilder()
            .setChannelId(profile.channel())
            .setTransactionId(transactionId)
            .setIdentity(
                SerializedIdentity.newBuilder()
                    .setMspid(identity.getMspId())
                    .setIdBytes(ByteString.copyFrom(identity.getCredentials()))
                    .build()
                    .toByteString())
            .build();
    Commit commit =
        gateway.newCommit(
            SignedCommitStatusRequest.newBuilder()
                .setRequest(request.toByteString())
                .build()
                .toByteArray());
    try {
      // The peer answers at once for a committed transaction and waits for any other.
      Status status = commit.getStatus(deadline(deadlines.evaluate()));
      return TransactionStatus.committed(
          transactionId, status.getBlockNumber(), status.getCode().name());
    } catch (CommitStatusException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
        return TransactionStatus.unknown(transactionId);
      }
      throw translate(e.getStatus(), e.getDetails(), e, null, false);
    }
  }

  @Override
  public EventStream events(String fabricUser, Optional<EventPosition> after) {
    Network network = gateway(fabricUser).getNetwork(profile.channel());
    var request = network.newChaincodeEventsRequest(profile.chaincode());
    after.ifPresent(position -> request.checkpoint(checkpoint(position)));
    CloseableIterator<ChaincodeEvent> events = request.build().getEvents();
    return new EventStream() {
      @Override
      public boolean hasNext() {
        try {
          return events.hasNext();
        } catch (GatewayRuntimeException e) {
          throw translate(e.getStatus(), e.getDetails(), e, null, false);
        }
      }

      @Override
      public LedgerEvent next() {
        try {
          ChaincodeEvent event = events.next();
          return new LedgerEvent(
              event.getBlockNumber(),
              event.getTransactionId(),
              event.getEventName(),
              event.getPayload());
        } catch (GatewayRuntimeException e) {
          throw translate(e.getStatus(), e.getDetails(), e, null, false);
        }
      }

      @Override
      public void close() {
        events.close();
      }
    };
  }

  @Override
  public boolean reachable() {
    if (channel == null) {
      return false;
    }
    ConnectivityState state = channel.getState(true);
    if (state == ConnectivityState.READY) {
      return true;
    }
    try {
      String anyUser = gateways.keySet().iterator().next();
      evaluate(anyUser, LedgerCall.of(Transactions.LIST_PARTICIPANTS, List.of()));
      return true;
    } catch (LedgerException e) {
      return !(e instanceof LedgerUnavailable);
    }
  }

  private Gateway connect(ConnectionProfile.FabricUser user)
      throws IOException, CertificateException, InvalidKeyException {
    try (Reader certificate = Files.newBufferedReader(user.certificate());
        Reader key = Files.newBufferedReader(user.privateKey())) {
      return Gateway.newInstance()
          .identity(new X509Identity(profile.mspId(), Identities.readX509Certificate(certificate)))
          .signer(P256Signer.of(Identities.readPrivateKey(key)))
          .hash(Hash.SHA256)
          .connection(channel)
          .evaluateOptions(deadline(deadlines.evaluate()))
          .endorseOptions(deadline(deadlines.endorse()))
          .submitOptions(deadline(deadlines.submit()))
          .commitStatusOptions(deadline(deadlines.commitStatus()))
          .connect();
    }
  }

  private Proposal proposal(String fabricUser, LedgerCall call) {
    Contract contract =
        gateway(fabricUser)
            .getNetwork(profile.channel())
            .getContract(profile.chaincode(), call.contract());
    var builder =
        contract
            .newProposal(call.transaction())
            .addArguments(call.arguments().toArray(String[]::new))
            .putAllTransient(call.transientData());
    if (call.ownOrganizationOnly()) {
      builder.setEndorsingOrganizations(profile.mspId());
    }
    return builder.build();
  }

  private Gateway gateway(String fabricUser) {
    Gateway gateway = gateways.get(fabricUser);
    if (gateway == null) {
      throw new IllegalStateException(
          "no Fabric identity " + fabricUser + " for " + profile.mspId());
    }
    return gateway;
  }

  /**
   * The contract's code when the chaincode gave one; otherwise what gRPC says. Any failure once the
   * transaction went to the orderer (submit, commit status: a deadline, an unavailable or cancelled
   * call, an internal error) leaves its outcome unknown; before that (evaluate, endorse) nothing
   * was ordered, so the peer was unreachable or just too slow.
   */
  static LedgerException translate(GatewayException e, String transactionId) {
    if (e instanceof SubmitException || e instanceof CommitStatusException) {
      return new OutcomeUnknown(transactionId, e);
    }
    return translate(e.getStatus(), e.getDetails(), e, transactionId, false);
  }

  private static LedgerException translate(
      io.grpc.Status status,
      List<ErrorDetail> details,
      Throwable cause,
      String transactionId,
      boolean ordered) {
    StringBuilder messages = new StringBuilder(String.valueOf(status.getDescription()));
    for (ErrorDetail detail : details) {
      messages.append('\n').append(detail.getMessage());
    }
    Optional<ChaincodeErrors.Coded> coded = ChaincodeErrors.parse(messages.toString());
    if (coded.isPresent()) {
      return new LedgerRejection(coded.get().code(), coded.get().detail(), transactionId, cause);
    }
    if (!ordered && messages.indexOf(PAYLOADS_DIFFER) >= 0) {
      return new LedgerRejection(
          ENDORSEMENT_MISMATCH,
          "the endorsing peers answered differently: what the transaction reads changed while it"
              + " was endorsed; nothing was ordered, repeat the request",
          transactionId,
          cause);
    }
    String description = String.valueOf(status.getDescription());
    if (!ordered && ENDORSEMENTS_MISSING.stream().anyMatch(description::contains)) {
      LOG.warn("Endorsement of transaction {} not collected: {}", transactionId, messages);
      return new LedgerRejection(
          ENDORSERS_UNAVAILABLE,
          "the peers of the organizations whose endorsement this change needs could not endorse"
              + " it; nothing was ordered, repeat the request later",
          transactionId,
          cause);
    }
    return switch (status.getCode()) {
      case UNAVAILABLE -> new LedgerUnavailable("the peer is unreachable", transactionId, cause);
      case DEADLINE_EXCEEDED ->
          ordered
              ? new OutcomeUnknown(transactionId, cause)
              : new LedgerUnavailable("the peer did not answer in time", transactionId, cause);
      default -> new LedgerRejection("LEDGER_ERROR", messages.toString(), transactionId, cause);
    };
  }

  private static Checkpoint checkpoint(EventPosition position) {
    return new Checkpoint() {
      @Override
      public java.util.OptionalLong getBlockNumber() {
        return java.util.OptionalLong.of(position.blockNumber());
      }

      @Override
      public Optional<String> getTransactionId() {
        return Optional.of(position.transactionId());
      }
    };
  }

  /** The call's own deadline or the overall one, whichever comes first. */
  private static UnaryOperator<CallOptions> within(
      io.dropwizard.util.Duration duration, Deadline overall) {
    Deadline own = Deadline.after(duration.toMilliseconds(), TimeUnit.MILLISECONDS);
    return options -> options.withDeadline(own.minimum(overall));
  }

  private static UnaryOperator<CallOptions> deadline(io.dropwizard.util.Duration duration) {
    return options -> options.withDeadlineAfter(duration.toMilliseconds(), TimeUnit.MILLISECONDS);
  }
}
