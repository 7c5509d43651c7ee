package org.activelabeler.embedding;

/**
 * The vectors of one encoder set-up: vectors from different spaces are never mixed.
 *
 * @param encoderDigest {@link SentenceEncoder#digest()}
 * @param tokenBudget {@link SentenceEncoder#tokenBudget()}
 * @param dimensions the length of each vector
 */
public record VectorSpace(String encoderDigest, int tokenBudget, int dimensions) {
    public VectorSpace {
        if (encoderDigest == null || encoderDigest.isBlank()) {
            throw new IllegalArgumentException("A vector space needs the encoder's digest");
        }
        if (tokenBudget < 1 || dimensions < 1) {
            throw new IllegalArgumentException("Token budget and dimensions must be positive, got " + tokenBudget
                    + " and " + dimensions);
        }
    }
}
