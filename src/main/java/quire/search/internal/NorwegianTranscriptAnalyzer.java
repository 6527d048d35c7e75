package quire.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of Norwegian (Bokmål and Nynorsk) transcript text:
 * {@link StandardTokenizer} → {@link LowerCaseFilter} → {@link NorwegianLightStemFilter} (both
 * written standards).
 *
 * <p>
 * Stop words are kept for exact phrases; æ, ø and å are ordinary letters and are not folded.
 */
public final class NorwegianTranscriptAnalyzer extends Analyzer {

	/** {@code NorwegianLightStemmer.BOKMAAL} and {@code NYNORSK}, which Lucene keeps package-private. */
	private static final int BOKMAAL = 1;

	private static final int NYNORSK = 2;

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer source = new StandardTokenizer();
		TokenStream result = new LowerCaseFilter(source);
		result = new NorwegianLightStemFilter(result, BOKMAAL | NYNORSK);
		return new TokenStreamComponents(source, result);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

}
