package quire.analysis;

import java.util.List;

import quire.corpus.DocumentId;
import quire.corpus.StudyDesign;
import quire.corpus.Strand;

/**
 * Every strand of a study with what it holds: the document groups of the qualitative and fidelity
 * strands, the MITI sessions of the fidelity strand by rating source, and one strand per
 * questionnaire with its respondents.
 */
public record StudyOverview(StudyDesign design, List<RatingSourceCount> mitiSources, List<QuestionnaireStrand> questionnaires) {

	public StudyOverview {
		mitiSources = List.copyOf(mitiSources);
		questionnaires = List.copyOf(questionnaires);
	}

	/** How many MITI sessions a rating source rated, e.g. 20 sessions "rated by the coding lab". */
	public record RatingSourceCount(String source, String label, int sessions) {
	}

	/** A questionnaire as a strand of its own: its name and n. */
	public record QuestionnaireStrand(String name, int respondents, int items) {
	}

	/** One line per strand, for pages, the CLI and reports. */
	public List<String> lines() {
		List<String> out = new java.util.ArrayList<>();
		out.add(capitalise(design.describe(Strand.QUALITATIVE)));
		String fidelity = capitalise(design.describe(Strand.FIDELITY));
		if (!mitiSources.isEmpty()) {
			fidelity += "; MITI ratings: " + String.join(", ",
					mitiSources.stream().map(s -> s.sessions() + " " + s.label()).toList());
		}
		out.add(fidelity);
		for (QuestionnaireStrand q : questionnaires) {
			out.add("Questionnaire strand: " + q.name() + ", " + q.respondents() + " respondents, " + q.items() + " items");
		}
		return out;
	}

	/**
	 * The overview as plain maps and lists, the one shape the CLI's {@code study show --json} and the
	 * API answer with; {@code names} gives a document's name.
	 */
	public java.util.Map<String, Object> asMap(java.util.function.Function<DocumentId, String> names) {
		java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
		java.util.Map<String, Object> strandMap = new java.util.LinkedHashMap<>();
		for (Strand strand : Strand.values()) {
			java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("description", design.describe(strand));
			m.put("documents", design.documents(strand).size());
			m.put("sessions", design.sessions(strand).size());
			java.util.Map<String, Long> kinds = new java.util.LinkedHashMap<>();
			design.kindCounts(strand).forEach((k, v) -> kinds.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
			m.put("kinds", kinds);
			if (strand == Strand.FIDELITY) {
				m.put("mitiSources", mitiSources.stream()
					.map(s -> java.util.Map.<String, Object>of("source", s.source(), "sessions", s.sessions(), "label",
							s.label()))
					.toList());
			}
			strandMap.put(strand.name().toLowerCase(java.util.Locale.ROOT), m);
		}
		root.put("strands", strandMap);
		root.put("groups", design.groups().stream().map(g -> {
			java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("group", g.group());
			m.put("kind", g.kind().name().toLowerCase(java.util.Locale.ROOT));
			m.put("strand", g.strand().name().toLowerCase(java.util.Locale.ROOT));
			m.put("setByResearcher", g.setByResearcher());
			m.put("decided", g.inferredFrom());
			m.put("documents", g.documents().stream().map(names).toList());
			return m;
		}).toList());
		root.put("questionnaires", questionnaires.stream()
			.map(q -> java.util.Map.<String, Object>of("name", q.name(), "respondents", q.respondents(), "items", q.items()))
			.toList());
		return root;
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
