package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Head + tail truncation with the bge tokenizer: [CLS], the first 64 tokens, the last 190, [SEP]. */
class EncoderTokensTest {

    @Test
    void aLongTextKeepsItsFirst64AndLast190Tokens() {
        String words = String.join(" ", java.util.stream.IntStream.range(0, 400).mapToObj(i -> "w" + i).toList());
        try (EncoderTokens tokens = new EncoderTokens(PretrainedEncoder.bgeSmall().tokenizer(), 256, 64);
             EncoderTokens whole = new EncoderTokens(PretrainedEncoder.bgeSmall().tokenizer(), 4096, 0)) {
            long[] all = whole.encode(List.of(words))[0];
            long[] kept = tokens.encode(List.of(words))[0];
            assertThat(kept).hasSize(256);
            assertThat(kept[0]).isEqualTo(101);
            assertThat(kept[255]).isEqualTo(102);
            assertThat(Arrays.copyOfRange(kept, 1, 65)).containsExactly(Arrays.copyOfRange(all, 1, 65));
            assertThat(Arrays.copyOfRange(kept, 65, 255)).containsExactly(
                    Arrays.copyOfRange(all, all.length - 191, all.length - 1));
        }
    }

    @Test
    void aShortTextIsOnlyWrappedAndLineBreakTagsAreNotTokens() {
        try (EncoderTokens tokens = new EncoderTokens(PretrainedEncoder.bgeSmall().tokenizer(), 256, 64)) {
            long[][] ids = tokens.encode(List.of("good<br /><br />film", "good film"));
            assertThat(ids[0]).containsExactly(ids[1]);
            assertThat(ids[0]).hasSize(4);
        }
    }

    @Test
    void aHeadLongerThanTheRoomIsRefused() {
        assertThatThrownBy(() -> new EncoderTokens(PretrainedEncoder.bgeSmall().tokenizer(), 16, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("head");
    }
}
