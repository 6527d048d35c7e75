package quire.corpus;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One document group in the study design: its kind and strand, whether a researcher set them or
 * Quire inferred them (and from what), and its documents. {@code group} is null for the documents
 * in no group, whose strand is inferred per document.
 */
public record GroupDesign(@Nullable String group, GroupKind kind, Strand strand, boolean setByResearcher,
		String inferredFrom, List<DocumentId> documents) {

	public GroupDesign {
		documents = List.copyOf(documents);
	}

	/** The group's name, or "(no group)". */
	public String name() {
		return group == null ? "(no group)" : group;
	}

}
