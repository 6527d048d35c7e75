package quire.nlp;

import java.util.List;

import quire.corpus.DocumentId;
import quire.corpus.Language;

/**
 * The candidate identifiers of one document grouped by surface form, with the proposed pseudonyms,
 * and what found them ({@code method}), with a notice where detection is weaker than it could be
 * (English without CoreNLP's models; Norwegian, for which CoreNLP has no models).
 */
public record DeidentificationPreview(DocumentId documentId, String documentName, Language language, String method,
		String notice, List<CandidateGroup> groups) {

	public DeidentificationPreview {
		groups = List.copyOf(groups);
	}

	public int occurrences() {
		return groups.stream().mapToInt(g -> g.occurrences().size()).sum();
	}

}
