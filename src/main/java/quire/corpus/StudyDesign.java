package quire.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import quire.project.ProjectId;

/**
 * The strands of a project: each document group with its kind and strand, and for each document the
 * strand and kind it is analysed in. Figures take their documents from here and name them with
 * {@link #describe(Strand)}, e.g. "qualitative strand: 2 focus groups, 1 individual interview".
 */
public record StudyDesign(ProjectId project, List<GroupDesign> groups, Map<DocumentId, Strand> strands,
		Map<DocumentId, GroupKind> kinds, Map<DocumentId, DocumentId> originals) {

	public StudyDesign {
		groups = List.copyOf(groups);
		strands = Map.copyOf(strands);
		kinds = Map.copyOf(kinds);
		originals = Map.copyOf(originals);
	}

	/**
	 * The document a document was made from (a de-identified copy's original), or itself: the copy
	 * and its original record one data-collection session.
	 */
	public DocumentId original(DocumentId document) {
		return originals.getOrDefault(document, document);
	}

	/** The data-collection sessions of a strand: its documents, a copy and its original counted once. */
	public List<DocumentId> sessions(Strand strand) {
		return documents(strand).stream().map(this::original).distinct().toList();
	}

	/** The documents of a strand (de-identified copies included), in the order of their groups. */
	public List<DocumentId> documents(Strand strand) {
		List<DocumentId> out = new ArrayList<>();
		for (GroupDesign g : groups) {
			for (DocumentId d : g.documents()) {
				if (strands.get(d) == strand) {
					out.add(d);
				}
			}
		}
		return out;
	}

	public Optional<Strand> strandOf(DocumentId document) {
		return Optional.ofNullable(strands.get(document));
	}

	public Optional<GroupKind> kindOf(DocumentId document) {
		return Optional.ofNullable(kinds.get(document));
	}

	/** How many sessions of each kind a strand holds (a copy and its original counted once). */
	public Map<GroupKind, Long> kindCounts(Strand strand) {
		Map<GroupKind, Long> counts = new EnumMap<>(GroupKind.class);
		for (DocumentId d : sessions(strand)) {
			GroupKind kind = kinds.get(d);
			if (kind != null) {
				counts.merge(kind, 1L, Long::sum);
			}
		}
		return counts;
	}

	/**
	 * What a strand is made of, for the titles of figures: "qualitative strand: 2 focus groups, 1
	 * individual interview" or "fidelity strand: no documents".
	 */
	public String describe(Strand strand) {
		Map<GroupKind, Long> counts = kindCounts(strand);
		if (counts.isEmpty()) {
			return strand.label() + ": no documents";
		}
		return strand.label() + ": " + counts.entrySet()
			.stream()
			.map(e -> e.getValue() + " " + e.getKey().label(e.getValue()))
			.collect(Collectors.joining(", "));
	}

}
