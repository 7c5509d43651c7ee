package org.activelabeler.text.hf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HuggingFaceTextTokenizerTest {
    private static final int CLS = 101;
    private static final int SEP = 102;
    private static HuggingFaceTextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = HuggingFaceTextTokenizer.bundled();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void lowercases() {
        int[][] ids = tokenizer.encode(List.of("GREAT Movie", "great movie"));

        assertThat(ids[0]).isNotEmpty().isEqualTo(ids[1]);
    }

    @Test
    void addsNoSpecialTokens() {
        int[][] ids = tokenizer.encode(List.of("what a wonderful film", "x"));

        assertThat(ids[0]).hasSize(4).doesNotContain(CLS, SEP);
        assertThat(ids[1]).hasSize(1).doesNotContain(CLS, SEP);
    }

    @Test
    void doesNotTruncateLongTexts() {
        String text = "great ".repeat(2000).strip();

        int[] ids = tokenizer.encode(List.of(text))[0];

        assertThat(ids).hasSize(2000);
        assertThat(ids).containsOnly(ids[0]);
    }

    @Test
    void encodesEachTextOfABatchLikeOnItsOwn() {
        List<String> texts = List.of("loved it", "hated it, boring", "");
        int[][] batch = tokenizer.encode(texts);

        assertThat(batch).hasNumberOfRows(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch[i]).isEqualTo(tokenizer.encode(List.of(texts.get(i)))[0]);
        }
        assertThat(batch[2]).isEmpty();
    }

    @Test
    void digestIsTheSha256OfTheBundledDefinition() throws IOException, NoSuchAlgorithmException {
        byte[] definition;
        try (InputStream in = HuggingFaceTextTokenizer.class
                .getResourceAsStream(HuggingFaceTextTokenizer.BUNDLED_RESOURCE)) {
            definition = in.readAllBytes();
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(definition));

        assertThat(tokenizer.digest()).matches("[0-9a-f]{64}").isEqualTo(expected);
        try (HuggingFaceTextTokenizer again = HuggingFaceTextTokenizer.bundled()) {
            assertThat(again.digest()).isEqualTo(tokenizer.digest());
        }
        assertThat(tokenizer.name()).isEqualTo(HuggingFaceTextTokenizer.BUNDLED_NAME);
    }
}
