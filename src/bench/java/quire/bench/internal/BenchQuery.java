package quire.bench.internal;

import java.util.List;

import quire.corpus.Language;

/**
 * One query of the fixed mixed set, written for each engine: Quire's syntax (also read by the bare
 * Lucene baseline), a PCRE2 pattern for ripgrep over one-turn-per-line files, and a PostgreSQL
 * tsquery expression. The three are as close as the engines allow: ripgrep has no stemming (the
 * patterns list the inflections the corpus uses) and PostgreSQL has no "within n words" (proximity
 * becomes AND within the turn).
 */
public record BenchQuery(String kind, String quire, String ripgrep, String tsquery, Language language) {

	/** Speaker label and group used by the filtered variants of each query. */
	public String speaker() {
		return language == Language.NORWEGIAN ? "Intervjuer" : "Participant 1";
	}

	public String group() {
		return language == Language.NORWEGIAN ? "Intervju - veiledere" : "Focus group - caseworkers";
	}

	public String groupFolder() {
		return language == Language.NORWEGIAN ? "intervju" : "focus-groups";
	}

	/** The set: terms, phrases, boolean, proximity and wildcards, in both languages. */
	public static final List<BenchQuery> SET = List.of(
			new BenchQuery("term", "caseworker", "\\bcaseworkers?\\b", "to_tsquery('english', 'caseworker')",
					Language.ENGLISH),
			new BenchQuery("term", "employer", "\\bemployers?\\b", "to_tsquery('english', 'employer')", Language.ENGLISH),
			new BenchQuery("term", "anxiety", "\\banxiet(?:y|ies)\\b", "to_tsquery('english', 'anxiety')",
					Language.ENGLISH),
			new BenchQuery("term (frequent)", "work", "\\bwork(?:s|ed|ing)?\\b", "to_tsquery('english', 'work')",
					Language.ENGLISH),
			new BenchQuery("phrase", "\"sick leave\"", "\\bsick\\s+leaves?\\b", "phraseto_tsquery('english', 'sick leave')",
					Language.ENGLISH),
			new BenchQuery("phrase", "\"return to work\"", "\\breturn\\s+to\\s+work\\b",
					"phraseto_tsquery('english', 'return to work')", Language.ENGLISH),
			new BenchQuery("boolean AND", "employer AND plan", "^(?=.*\\bemployers?\\b).*\\bplans?\\b",
					"to_tsquery('english', 'employer & plan')", Language.ENGLISH),
			new BenchQuery("boolean OR", "manager OR supervisor", "\\b(?:manager|supervisor)s?\\b",
					"to_tsquery('english', 'manager | supervisor')", Language.ENGLISH),
			new BenchQuery("boolean NOT", "\"sick leave\" NOT doctor", "^(?!.*\\bdoctors?\\b).*\\bsick\\s+leave",
					"phraseto_tsquery('english', 'sick leave') && !! to_tsquery('english', 'doctor')", Language.ENGLISH),
			new BenchQuery("proximity", "\"employer plan\"~5", "\\bemployers?\\W+(?:\\w+\\W+){0,5}?plans?\\b",
					"to_tsquery('english', 'employer & plan')", Language.ENGLISH),
			new BenchQuery("wildcard", "motivat*", "\\bmotivat\\w*", "to_tsquery('english', 'motivat:*')",
					Language.ENGLISH),
			new BenchQuery("wildcard", "summar*", "\\bsummar\\w*", "to_tsquery('english', 'summar:*')", Language.ENGLISH),
			new BenchQuery("term (nb)", "sykmelding", "\\bsykmelding\\w*", "to_tsquery('norwegian', 'sykmelding')",
					Language.NORWEGIAN),
			new BenchQuery("phrase (nb)", "\"tilbake til arbeid\"", "\\btilbake\\s+til\\s+arbeid\\b",
					"phraseto_tsquery('norwegian', 'tilbake til arbeid')", Language.NORWEGIAN));

}
