package quire.corpus;

import java.util.List;

/**
 * Finds the sentence units of a transcript at import. The corpus stores what it returns; the
 * language-processing module ({@code quire.nlp}) provides the implementation (CoreNLP for English
 * when its models are present, rules otherwise), so the corpus knows no NLP library.
 */
public interface SentenceSplitter {

	/** Sorted, disjoint sentence ranges inside the turns of {@code text}. */
	List<SentenceUnit> split(String text, List<Turn> turns, Language language);

	/** Who finds the sentences of this language now, e.g. {@code corenlp} or {@code rules}; stored with the units. */
	String method(Language language);

}
