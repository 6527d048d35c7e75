package quire.nlp;

import java.util.List;

import org.jspecify.annotations.Nullable;

import quire.corpus.Strand;

/**
 * The most frequent words of a selection, with how many words were counted (after stop words and
 * short words were left out), in how many documents, and how the words were normalised ({@code
 * method}); {@code notice} says when English lemmas fell back to stems or a chosen group has nothing in
 * the chosen strand. {@code strand} is the strand counted ({@code null} when a document was chosen or
 * all strands were pooled, which {@code allStrands} tells apart); {@code scope} names the documents
 * for a figure's caption, e.g. "3 documents of the qualitative strand (2 focus groups, 1 individual
 * interview)".
 */
public record WordFrequencies(List<WordCount> words, int counted, int documents, @Nullable Strand strand,
		boolean allStrands, String scope, String method, String notice) {

	public WordFrequencies {
		words = List.copyOf(words);
	}

}
