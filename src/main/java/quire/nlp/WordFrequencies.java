package quire.nlp;

import java.util.List;

/**
 * The most frequent words of a selection, with how many words were counted (after stop words and
 * short words were left out), in how many documents, and how the words were normalised ({@code
 * method}); {@code notice} says when English lemmas fell back to stems.
 */
public record WordFrequencies(List<WordCount> words, int counted, int documents, String method, String notice) {

	public WordFrequencies {
		words = List.copyOf(words);
	}

}
