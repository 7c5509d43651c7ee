package org.activelabeler.explain;

/**
 * One word of a text and how far it pulled the model toward the class explained.
 *
 * @param start the word's first character in the text
 * @param end the character after its last
 * @param pull positive toward the class, negative away from it
 */
public record WordPull(int start, int end, double pull) {

    public boolean toward() {
        return pull > 0;
    }
}
