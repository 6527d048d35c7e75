package quire.nlp;

import java.util.List;

import quire.corpus.DocumentSummary;

/**
 * What applying de-identification made: the new document, how many spans were replaced, how many
 * codings moved with it, and the residual check: the copy scanned again, with everything still
 * detected in it (a name the reviewer unticked, a part the review missed). Read those before the
 * copy leaves the project.
 */
public record DeidentificationResult(DocumentSummary document, int replacements, int codingsCopied, List<Candidate> residual) {

	public DeidentificationResult {
		residual = List.copyOf(residual);
	}

	/** Whether the re-scan found nothing. */
	public boolean clean() {
		return residual.isEmpty();
	}

}
