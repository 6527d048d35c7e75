package quire.coding;

import java.util.List;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * What to compare: two or more coders, the documents (all that any chosen coder coded when empty),
 * the codes (every code either coder used when empty) and the unit.
 */
public record AgreementRequest(ProjectId projectId, List<String> coders, List<DocumentId> documents, List<CodeId> codes,
		AgreementUnit unit) {

	public AgreementRequest {
		coders = coders.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
		if (coders.size() < 2) {
			throw new IllegalArgumentException("choose at least two coders to compare, got " + coders.size());
		}
		documents = List.copyOf(documents);
		codes = List.copyOf(codes);
	}

}
