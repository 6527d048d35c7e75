package quire.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of English transcript text:
 * {@link StandardTokenizer} → {@link EnglishPossessiveFilter} → {@link LowerCaseFilter} →
 * {@link PorterStemFilter}.
 *
 * <p>
 * Stop words are kept, so phrase and proximity queries count every spoken word ("ask for
 * permission" is three positions, as said).
 */
public final class EnglishTranscriptAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer source = new StandardTokenizer();
		TokenStream result = new EnglishPossessiveFilter(source);
		result = new LowerCaseFilter(result);
		result = new PorterStemFilter(result);
		return new TokenStreamComponents(source, result);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

}
