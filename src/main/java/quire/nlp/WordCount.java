package quire.nlp;

/**
 * A counted word: what is shown (the lemma, or the most frequent form of a stem), the lemma or stem
 * it was counted under, how often, and its share of all counted words in percent.
 */
public record WordCount(String word, String key, int count, double percent) {
}
