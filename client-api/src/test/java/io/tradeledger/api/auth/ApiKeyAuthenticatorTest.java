package io.tradeledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys are known by their SHA-256 only; each key finds its own user and nothing else does. */
class ApiKeyAuthenticatorTest {
  private static final ApiUserConfiguration ALICE =
      new ApiUserConfiguration(
          "alice", ApiKeyAuthenticator.hash("alice-key"), Role.WRITER, "User1");
  private static final ApiUserConfiguration BOB =
      new ApiUserConfiguration("bob", ApiKeyAuthenticator.hash("bob-key"), Role.READER, "User2");

  private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(List.of(ALICE, BOB));

  @Test
  void each_key_finds_its_own_user_with_role_and_fabric_identity() {
    assertThat(authenticator.authenticate("alice-key"))
        .contains(new ApiUser("alice", Role.WRITER, "User1"));
    assertThat(authenticator.authenticate("bob-key"))
        .contains(new ApiUser("bob", Role.READER, "User2"));
  }

  @Test
  void any_other_key_finds_no_one_also_after_a_right_one() {
    assertThat(authenticator.authenticate("alice-key")).isPresent();

    assertThat(authenticator.authenticate("alice-key ")).isEmpty();
    assertThat(authenticator.authenticate("ALICE-KEY")).isEmpty();
    assertThat(authenticator.authenticate("")).isEmpty();
    // The configured hash is not a key.
    assertThat(authenticator.authenticate(ALICE.apiKeySha256())).isEmpty();
  }

  @Test
  void a_key_of_a_user_no_longer_configured_finds_no_one() {
    ApiKeyAuthenticator withoutBob = new ApiKeyAuthenticator(List.of(ALICE));

    assertThat(withoutBob.authenticate("bob-key")).isEmpty();
    assertThat(withoutBob.authenticate("alice-key")).isPresent();
  }

  @Test
  void users_sharing_a_name_or_a_key_are_refused() {
    ApiUserConfiguration otherAlice =
        new ApiUserConfiguration("alice", ApiKeyAuthenticator.hash("x"), Role.READER, "User2");
    ApiUserConfiguration bobWithAlicesKey =
        new ApiUserConfiguration("bob", ALICE.apiKeySha256(), Role.READER, "User2");

    assertThatThrownBy(() -> new ApiKeyAuthenticator(List.of(ALICE, otherAlice)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiKeyAuthenticator(List.of(ALICE, bobWithAlicesKey)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
