package io.tradeledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import io.tradeledger.api.auth.ApiKeyAuthenticator;
import io.tradeledger.api.auth.ApiUserConfiguration;
import io.tradeledger.api.auth.Role;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example configuration in the README is one the service accepts. */
class ExampleConfigurationTest {
  @Test
  void the_example_configuration_is_valid() throws Exception {
    TradeLedgerConfiguration configuration =
        new YamlConfigurationFactory<>(
                TradeLedgerConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "dw")
            .build(new File("config.example.yml"));

    assertThat(configuration.getUsers())
        .extracting(ApiUserConfiguration::role)
        .containsExactly(Role.WRITER, Role.READER);
    assertThat(configuration.getEvents().checkpointDirectory())
        .isEqualTo(Path.of("data/event-checkpoints"));
    assertThat(configuration.getDeadlines().commitStatus()).isEqualTo(Duration.seconds(60));
    new ApiKeyAuthenticator(configuration.getUsers());
  }

  @Test
  void two_users_may_not_share_a_key() {
    String hash = "ab".repeat(32);
    List<ApiUserConfiguration> users =
        List.of(
            new ApiUserConfiguration("alice", hash, Role.WRITER, "User1"),
            new ApiUserConfiguration("bob", hash, Role.READER, "User2"));

    assertThatThrownBy(() -> new ApiKeyAuthenticator(users))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void left_out_settings_keep_their_defaults() {
    assertThat(new Deadlines(Duration.seconds(2), null, null, null, null).endorse())
        .isEqualTo(Duration.seconds(15));
    assertThat(EventStreams.defaults().maxStreams()).isEqualTo(64);
  }
}
