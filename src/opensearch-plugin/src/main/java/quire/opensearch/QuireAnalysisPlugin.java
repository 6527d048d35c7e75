package quire.opensearch;

import java.util.List;

import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.opensearch.index.analysis.PreConfiguredTokenFilter;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Quire's Norwegian stemming as an OpenSearch token filter, {@code quire_norwegian_light}: Lucene's
 * {@link NorwegianLightStemFilter} for Bokmål and Nynorsk at once (flags 1 | 2), which is what Quire's
 * {@code NorwegianTranscriptAnalyzer} uses and what no stock OpenSearch filter offers (its
 * {@code light_norwegian} and {@code light_nynorsk} stemmers take one written standard each;
 * docs/decisions/022-opensearch-engine.md). Quire's index mapping names the filter, so an index cannot be
 * created on a cluster without this plugin, and Quire refuses such a cluster at start, saying so.
 */
public final class QuireAnalysisPlugin extends Plugin implements AnalysisPlugin {

	/** The filter's name in an analysis chain. */
	public static final String NORWEGIAN_LIGHT = "quire_norwegian_light";

	/** {@code NorwegianLightStemmer.BOKMAAL | NYNORSK}, which Lucene keeps package-private. */
	private static final int BOTH_STANDARDS = 1 | 2;

	@Override
	public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
		return List.of(PreConfiguredTokenFilter.singleton(NORWEGIAN_LIGHT, false,
				input -> new NorwegianLightStemFilter(input, BOTH_STANDARDS)));
	}

}
