package io.tradeledger.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.DataSize;
import io.tradeledger.api.auth.ApiUserConfiguration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;

/** The service's configuration: which organization it speaks for and who may call it. */
public class TradeLedgerConfiguration extends Configuration {
  @NotNull private Path connectionProfile;

  @NotEmpty private List<ApiUserConfiguration> users = List.of();

  @NotNull private Deadlines deadlines = Deadlines.defaults();

  @NotNull private EventStreams events = EventStreams.defaults();

  @NotNull private RateLimit rateLimit = RateLimit.defaults();

  @NotNull private DataSize maxRequestSize = DataSize.megabytes(1);

  @NotNull private DataSize maxDocumentSize = DataSize.megabytes(25);

  @NotNull private Path termsSaltSecretFile = Path.of("data/terms-salt-secret");

  @NotNull private Path submissionDirectory = Path.of("data/submissions");

  /** Where each submission is written down before it is ordered, so a retry converges on it. */
  @JsonProperty
  public Path getSubmissionDirectory() {
    return submissionDirectory;
  }

  @JsonProperty
  public void setSubmissionDirectory(Path submissionDirectory) {
    this.submissionDirectory = submissionDirectory;
  }

  @JsonProperty
  public Path getConnectionProfile() {
    return connectionProfile;
  }

  @JsonProperty
  public void setConnectionProfile(Path connectionProfile) {
    this.connectionProfile = connectionProfile;
  }

  @JsonProperty
  public List<ApiUserConfiguration> getUsers() {
    return users;
  }

  @JsonProperty
  public void setUsers(List<ApiUserConfiguration> users) {
    this.users = List.copyOf(users);
  }

  @JsonProperty
  public Deadlines getDeadlines() {
    return deadlines;
  }

  @JsonProperty
  public void setDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @JsonProperty
  public EventStreams getEvents() {
    return events;
  }

  @JsonProperty
  public void setEvents(EventStreams events) {
    this.events = events;
  }

  /** Requests per API key; more get 429 with Retry-After. */
  @JsonProperty
  public RateLimit getRateLimit() {
    return rateLimit;
  }

  @JsonProperty
  public void setRateLimit(RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  /** The largest JSON body accepted; larger ones get 413. */
  @JsonProperty
  public DataSize getMaxRequestSize() {
    return maxRequestSize;
  }

  @JsonProperty
  public void setMaxRequestSize(DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  /** The largest uploaded document (hashed, never stored); larger ones get 413. */
  @JsonProperty
  public DataSize getMaxDocumentSize() {
    return maxDocumentSize;
  }

  @JsonProperty
  public void setMaxDocumentSize(DataSize maxDocumentSize) {
    this.maxDocumentSize = maxDocumentSize;
  }

  /**
   * The organization's secret from which the salt of an order's terms is derived when the client
   * gives none (created, owner-only, when missing). Every instance of one organization's API must
   * share it.
   */
  @JsonProperty
  public Path getTermsSaltSecretFile() {
    return termsSaltSecretFile;
  }

  @JsonProperty
  public void setTermsSaltSecretFile(Path termsSaltSecretFile) {
    this.termsSaltSecretFile = termsSaltSecretFile;
  }
}
