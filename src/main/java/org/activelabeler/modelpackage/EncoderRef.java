package org.activelabeler.modelpackage;

/**
 * The pretrained encoder whose sentence vectors a model reads: found again by name (an encoder that
 * ships with the app, a hub id or a folder) and checked by its digest.
 *
 * @param digest the encoder's digest (weights, tokenizer, pooling, token budget)
 */
public record EncoderRef(String name, String digest, int tokenBudget) {

    /**
     * The encoder that a model's parameters name ({@code embedding_encoder}, {@code embedding_digest},
     * {@code embedding_tokens}), or null when they name none.
     */
    public static EncoderRef fromParameters(java.util.Map<String, String> parameters) {
        String name = parameters.get("embedding_encoder");
        String digest = parameters.get("embedding_digest");
        if (name == null || digest == null) {
            return null;
        }
        return new EncoderRef(name, digest, Integer.parseInt(parameters.getOrDefault("embedding_tokens", "0")));
    }
}
