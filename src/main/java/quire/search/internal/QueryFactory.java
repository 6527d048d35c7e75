package quire.search.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Reads Quire's query syntax into a Lucene query over the text of both languages: words (all must
 * occur), "phrases", AND/OR/NOT, proximity ({@code "sick leave"~3}), wildcards ({@code summar*},
 * matched against stems) and fuzzy terms ({@code caseworker~}).
 */
public final class QueryFactory {

	static final String SYNTAX_HINT = "use words, \"phrases\", AND, OR, NOT, \"a b\"~3, wild*, fuzzy~";

	private final Analyzer analyzer;

	public QueryFactory(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** The analyzer that indexes and queries each language's text field. */
	public static Analyzer perLanguageAnalyzer() {
		return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(TurnFields.TEXT_EN,
				new EnglishTranscriptAnalyzer(), TurnFields.TEXT_NO, new NorwegianTranscriptAnalyzer()));
	}

	/**
	 * @throws IllegalArgumentException with a message a researcher can act on
	 */
	public Query parse(String query) {
		MultiFieldQueryParser parser = new MultiFieldQueryParser(TurnFields.TEXT_FIELDS, analyzer);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		parser.setAllowLeadingWildcard(false);
		parser.setSplitOnWhitespace(true);
		try {
			return parser.parse(query.strip());
		}
		catch (ParseException | RuntimeException ex) {
			throw new IllegalArgumentException(
					"cannot read the query '" + query.strip() + "': " + explain(ex) + "; " + SYNTAX_HINT, ex);
		}
	}

	private static String explain(Exception ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (message.contains("'*' or '?' not allowed as first character")) {
			return "a word cannot start with * or ?";
		}
		if (message.contains("Lexical error")) {
			return "a quotation mark is not closed";
		}
		if (message.contains("Encountered")) {
			return "an operator (AND, OR, NOT) has no word after it, or a bracket is not closed";
		}
		if (ex instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
			return "too many words match; make the wildcard or fuzzy term more specific";
		}
		return message.lines().findFirst().orElse(message).replaceFirst("^Cannot parse '.*?': ", "");
	}

}
