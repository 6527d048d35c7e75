package quire.nlp;

import java.util.List;

/**
 * Every occurrence of one surface form in a document, for review: accepted groups are replaced by
 * {@code replacement} wherever they occur. {@code known} says the replacement is the project's
 * pseudonym from an earlier document.
 */
public record CandidateGroup(String surface, IdentifierKind kind, String replacement, boolean accepted, boolean known,
		List<Occurrence> occurrences, String sources) {

	public CandidateGroup {
		occurrences = List.copyOf(occurrences);
		if (replacement.isBlank()) {
			throw new IllegalArgumentException("the replacement for '" + surface + "' is empty");
		}
	}

	/** One place the surface occurs, with some words either side. */
	public record Occurrence(int start, int end, String before, String after) {
	}

	public String key() {
		return Candidate.keyOf(surface);
	}

	public CandidateGroup accept(boolean yes) {
		return new CandidateGroup(surface, kind, replacement, yes, known, occurrences, sources);
	}

	public CandidateGroup withReplacement(String text) {
		return new CandidateGroup(surface, kind, text.strip(), accepted, known, occurrences, sources);
	}

}
