package io.tradeledger.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

/**
 * LedgerState builds and splits composite keys itself, for speed; every key it writes or reads must
 * be the shim's {@link CompositeKey}, character for character, and every segment the shim refuses
 * must still be refused by the shim.
 */
class LedgerStateKeysTest {
  private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

  private final LedgerState state = new LedgerState(null);

  private static final List<String> SEGMENTS =
      List.of(
          "o-1",
          "",
          "ImporterMSP",
          "00000000-0000-4000-8000-000000000001",
          "a1".repeat(32),
          "Zürich ☃",
          "emoji \uD83D\uDE00",
          "lone \uDBFF high surrogate",
          "lone \uDFFF low surrogate",
          "\uDBFF\uDBFF",
          "x.y_z-9");

  @Test
  void keys_are_the_shims_composite_keys() {
    for (String type : List.of("order", "order-party", "shipment-event")) {
      assertThat(state.key(type)).isEqualTo(new CompositeKey(type).toString());
      for (String first : SEGMENTS) {
        assertThat(state.key(type, first)).isEqualTo(new CompositeKey(type, first).toString());
        for (String second : SEGMENTS) {
          assertThat(state.key(type, first, second))
              .as("%s/%s/%s", type, first, second)
              .isEqualTo(new CompositeKey(type, first, second).toString());
        }
      }
    }
  }

  @Test
  void a_segment_the_shim_refuses_is_refused_as_the_shim_refuses_it() {
    List<String[]> refused = new ArrayList<>();
    refused.add(new String[] {"order", "o\u00001"});
    refused.add(new String[] {"order", "o" + MAX + "1"});
    refused.add(new String[] {"ord\u0000er", "o-1"});
    refused.add(new String[] {"order" + MAX, "o-1"});
    refused.add(new String[] {"order", "o-1", "\u0000"});
    for (String[] segments : refused) {
      String type = segments[0];
      String[] attributes = List.of(segments).subList(1, segments.length).toArray(String[]::new);
      Throwable ours = catchThrowable(() -> state.key(type, attributes));
      Throwable shims = catchThrowable(() -> new CompositeKey(type, attributes));

      assertThat(shims).isNotNull();
      assertThat(ours).isInstanceOf(shims.getClass()).hasMessage(shims.getMessage());
    }
  }

  @Test
  void an_attribute_of_a_key_is_what_the_shims_parser_gives() {
    List<String> keys = new ArrayList<>();
    for (String first : SEGMENTS) {
      for (String second : SEGMENTS) {
        keys.add(new CompositeKey("party-order", first, second).toString());
        keys.add(new CompositeKey("order-shipment", first, second, "third").toString());
      }
    }
    for (String key : keys) {
      List<String> attributes = CompositeKey.parseCompositeKey(key).getAttributes();
      for (int position = 0; position < attributes.size(); position++) {
        assertThat(LedgerState.attributeAfter(key, position))
            .as("%s at %d", key, position)
            .isEqualTo(attributes.get(position));
      }
    }
  }

  @Test
  void a_key_that_is_not_composite_fails_as_the_shims_parser_fails() {
    for (String key : List.of("plain", "", "\u0000", "\u0000type\u0000a" + MAX + "\u0000")) {
      Throwable ours = catchThrowable(() -> LedgerState.attributeAfter(key, 0));
      Throwable shims =
          catchThrowable(() -> CompositeKey.parseCompositeKey(key).getAttributes().get(0));

      assertThat(shims).as(key).isNotNull();
      assertThat(ours).as(key).isInstanceOf(shims.getClass()).hasMessage(shims.getMessage());
    }
  }
}
