package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tradeledger.api.config.ConnectionProfile;
import io.tradeledger.contract.transactions.Argument;
import io.tradeledger.contract.transactions.Evaluate;
import io.tradeledger.contract.transactions.Submit;
import io.tradeledger.contract.transactions.Transactions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * One person of one organization, connected through the Fabric Gateway of the organization's own
 * peer: every transaction it submits is signed with its own certificate, so the ledger's audit
 * names it. Transactions are contract-api's {@link Transactions}: a write is submitted, a read
 * evaluated, each with the input type it takes.
 */
public final class Member implements AutoCloseable {
  private final Organization organization;
  private final String user;
  private final X509Certificate certificate;
  private final Gateway gateway;
  private final Contract contract;
  private final Network network;
  private final String channel;
  private final CommitBarrier barrier;

  Member(
      Organization organization,
      String user,
      X509Certificate certificate,
      Gateway gateway,
      ConnectionProfile connection,
      CommitBarrier barrier) {
    this.barrier = barrier;
    this.organization = organization;
    this.user = user;
    this.certificate = certificate;
    this.gateway = gateway;
    this.channel = connection.channel();
    this.network = gateway.getNetwork(channel);
    this.contract = network.getContract(connection.chaincode());
  }

  /** A submitted transaction that committed: its id, result and who submitted it. */
  public record Submitted(String transactionId, JsonNode result, Member submitter) {}

  public Organization organization() {
    return organization;
  }

  public String mspId() {
    return organization.mspId();
  }

  /**
   * How the contract's audit names this person: {@code x509::<subject>::<issuer>}, the
   * distinguished names as the chaincode shim prints them.
   */
  public String auditIdentity() {
    return "x509::"
        + certificate.getSubjectX500Principal()
        + "::"
        + certificate.getIssuerX500Principal();
  }

  /** The certificate's common name, e.g. {@code User1@importer.trade.local}. */
  public String commonName() {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      throw new IllegalStateException("unreadable certificate subject of " + this, e);
    }
    throw new IllegalStateException("the certificate of " + this + " has no common name");
  }

  /** Submits a transaction, endorsed as the Gateway plans it, and waits for its commit. */
  public <I> Submitted submit(Submit<I> transaction, I input)
      throws EndorseException, SubmitException, CommitStatusException, CommitException {
    return submit(proposal(transaction, input).build());
  }

  /**
   * Submits a prepared proposal and waits until it is committed on every running peer, so that
   * whatever any organization does next sees it.
   *
   * @throws CommitException when the peers invalidated it (its code says why)
   */
  public Submitted submit(Proposal proposal)
      throws EndorseException, SubmitException, CommitStatusException, CommitException {
    Transaction endorsed = proposal.endorse();
    byte[] result;
    try {
      result = endorsed.submit();
    } catch (CommitException invalidated) {
      // Committed as invalid: its block is on the ledger all the same.
      barrier.awaitOthersReach(organization);
      throw invalidated;
    }
    barrier.awaitOthersReach(organization);
    return new Submitted(endorsed.getTransactionId(), Json.read(new String(result, UTF_8)), this);
  }

  /**
   * Evaluates a read through this organization's Gateway: on its own peer, or on another one when
   * that fails (target a peer with {@link Proposal.Builder#setEndorsingOrganizations}).
   */
  public <I> JsonNode evaluate(Evaluate<I> transaction, I input) throws GatewayException {
    return Json.read(evaluateText(transaction, input));
  }

  /**
   * Evaluates a read and returns its result as text, for results that must be compared byte for
   * byte.
   */
  public <I> String evaluateText(Evaluate<I> transaction, I input) throws GatewayException {
    return new String(proposal(transaction, input).build().evaluate(), UTF_8);
  }

  /**
   * The ids of the transactions in one block of the channel, in the block's order (which is the
   * order the peers validated and committed them in), read from the peer's query system chaincode.
   */
  public List<String> transactionIds(long blockNumber) throws GatewayException {
    byte[] bytes =
        network
            .getContract("qscc")
            .evaluateTransaction("GetBlockByNumber", channel, Long.toString(blockNumber));
    List<String> ids = new ArrayList<>();
    try {
      for (ByteString data : Block.parseFrom(bytes).getData().getDataList()) {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
        ids.add(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId());
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("block " + blockNumber + " is not a block", e);
    }
    return List.copyOf(ids);
  }

  /**
   * A proposal of a transaction with its input (ids as they are, records as their JSON), to
   * complete with transient data or chosen endorsing organizations.
   */
  public <I> Proposal.Builder proposal(
      io.tradeledger.contract.transactions.Transaction<I> transaction, I input) {
    Proposal.Builder proposal = contract.newProposal(transaction.qualifiedName());
    for (Argument argument : transaction.arguments(input)) {
      proposal.addArguments(
          argument instanceof Argument.Text text
              ? text.value()
              : Json.write(((Argument.Json) argument).value()));
    }
    return proposal;
  }

  @Override
  public void close() {
    gateway.close();
  }

  @Override
  public String toString() {
    return user + "@" + organization.mspId();
  }
}
