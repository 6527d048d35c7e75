package quire.search;

import org.apache.lucene.analysis.Analyzer;

import quire.corpus.Language;
import quire.search.internal.EnglishTranscriptAnalyzer;
import quire.search.internal.NorwegianTranscriptAnalyzer;

/**
 * The analysis Quire's index applies to each language's text, for code that must analyse text
 * exactly as search does (the benchmark's bare-Lucene baseline, a future OpenSearch adapter's
 * mapping check). Each call returns a new analyzer; close it when done.
 */
public final class TextAnalysis {

	private TextAnalysis() {
	}

	public static Analyzer analyzer(Language language) {
		return switch (language) {
			case ENGLISH -> new EnglishTranscriptAnalyzer();
			case NORWEGIAN -> new NorwegianTranscriptAnalyzer();
		};
	}

}
