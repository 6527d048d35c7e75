package quire.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Token-stream tests of the two transcript analyzers: exact terms and the offsets KWIC relies on. */
final class AnalyzerTests {

	record Token(String term, int start, int end) {
	}

	static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
		List<Token> out = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			ts.end();
		}
		return out;
	}

	@Test
	void englishLowercasesStemsDropsPossessivesAndKeepsStopWords() throws IOException {
		assertThat(tokens(new EnglishTranscriptAnalyzer(), "The caseworker's Summarizing of sick leave"))
			.containsExactly(new Token("the", 0, 3), new Token("casework", 4, 16), new Token("summar", 17, 28),
					new Token("of", 29, 31), new Token("sick", 32, 36), new Token("leav", 37, 42));
	}

	@Test
	void norwegianStemsBokmaalAndNynorskAndKeepsLetters() throws IOException {
		assertThat(tokens(new NorwegianTranscriptAnalyzer(), "Veiledningen for sykmeldte på jobben"))
			.containsExactly(new Token("veiledning", 0, 12), new Token("for", 13, 16), new Token("sykmeld", 17, 26),
					new Token("på", 27, 29), new Token("jobb", 30, 36));
	}

	@Test
	void normalisationForWildcardsOnlyLowercases() {
		assertThat(new EnglishTranscriptAnalyzer().normalize("f", "Summar").utf8ToString()).isEqualTo("summar");
		assertThat(new NorwegianTranscriptAnalyzer().normalize("f", "ÆRLIG").utf8ToString()).isEqualTo("ærlig");
	}

}
