package quire.fidelity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import quire.corpus.CorpusService;
import quire.corpus.DemoProject;
import quire.corpus.DemoProjectCreated;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;

/**
 * Gives the demo project MITI data: the coding lab's results for 20 sessions of 4 caseworkers
 * ({@code corpora/demo/miti-lab-results.csv}, four of them double-coded) and the three demo MI
 * session transcripts as sessions coded in Quire — each counsellor utterance of the first 20 minutes
 * coded by Anna (taking the suggested code), the first session also by Jonas, who differs on every
 * fourth utterance — with global scores. Runs in the demo's creating transaction.
 */
@Component
class DemoFidelity {

	static final String LAB_RESULTS = "miti-lab-results.csv";

	/** Demo session transcripts: document name → counsellor, client, date, Anna's globals. */
	static final Map<String, Object[]> SESSIONS = Map.of(
			"mi-session-01", new Object[] { "MI Caseworker 1", LocalDate.of(2019, 3, 4), new MitiGlobals(3, 4, 4, 4) },
			"mi-session-02", new Object[] { "MI Caseworker 2", LocalDate.of(2019, 3, 12), new MitiGlobals(4, 3, 4, 3) },
			"mi-session-03", new Object[] { "MI Caseworker 3", LocalDate.of(2019, 3, 20), new MitiGlobals(3, 3, 3, 4) });

	private final FidelityService fidelity;

	private final MitiCodingService miti;

	private final CorpusService corpus;

	DemoFidelity(FidelityService fidelity, MitiCodingService miti, CorpusService corpus) {
		this.fidelity = fidelity;
		this.miti = miti;
		this.corpus = corpus;
	}

	@EventListener
	void on(DemoProjectCreated event) {
		ProjectId project = event.projectId();
		LabImportResult lab = fidelity.importLab(project, LAB_RESULTS, DemoProject.read(LAB_RESULTS), Map.of(), false);
		if (!lab.applied()) {
			throw new IllegalStateException("the demo " + LAB_RESULTS + " has bad rows: " + lab.problems());
		}
		for (DocumentSummary d : corpus.documents(project).stream().sorted(java.util.Comparator.comparing(DocumentSummary::name)).toList()) {
			Object[] spec = SESSIONS.get(d.name());
			if (spec == null) {
				continue;
			}
			String counsellor = (String) spec[0];
			Transcript t = corpus.transcript(d.id()).orElseThrow();
			String client = t.turns().stream().map(Turn::speaker).filter(s -> s != null && !s.equals(counsellor)).findFirst()
				.orElse(null);
			Integer[] segment = firstTwentyMinutes(t);
			MitiSession session = fidelity.saveSession(project, "MI-" + d.name().substring(d.name().length() - 2), d.id(),
					counsellor, client, (LocalDate) spec[1], segment[0], segment[1]);
			code(session, "Anna", false);
			miti.saveGlobals(session.id(), "Anna", (MitiGlobals) spec[2]);
			if (d.name().equals("mi-session-01")) {
				code(session, "Jonas", true);
				miti.saveGlobals(session.id(), "Jonas", new MitiGlobals(3, 3, 4, 4));
			}
		}
	}

	private void code(MitiSession session, String coder, boolean secondOpinion) {
		List<Utterance> utterances = miti.utterances(session.id());
		java.util.Map<Integer, BehaviourSuggestion> suggested = new java.util.HashMap<>();
		miti.suggestions(session.id()).forEach(x -> suggested.put(x.utteranceStart(), x));
		int n = 0;
		for (Utterance u : utterances) {
			if (!u.counsellor()) {
				continue;
			}
			BehaviourSuggestion suggestion = suggested.get(u.start());
			if (suggestion == null) {
				continue;
			}
			Behaviour b = suggestion.behaviour();
			if (secondOpinion && n % 4 == 3) {
				b = switch (b) {
					case SR -> Behaviour.CR;
					case CR -> Behaviour.SR;
					case GI -> Behaviour.SR;
					case Q -> Behaviour.Q;
					default -> Behaviour.GI;
				};
			}
			miti.toggle(session.id(), u, b, coder);
			n++;
		}
	}

	private static Integer[] firstTwentyMinutes(Transcript t) {
		return Segments.firstMinutes(t.turns(), Segments.MITI_MINUTES, null)
			.map(seg -> new Integer[] { seg.firstTurn(), seg.lastTurn() })
			.orElse(new Integer[] { null, null });
	}

}
