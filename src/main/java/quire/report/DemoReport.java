package quire.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import quire.coding.CodebookService;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.corpus.CorpusService;
import quire.corpus.DemoProjectCreated;
import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * The demo project's authors' answers to the COREQ items Quire cannot know, written for Quire in the
 * setting of the fictional study (no text taken from the seed papers), so the demo report reads like
 * a draft. A few items stay unanswered on purpose, to show how the report names what is missing.
 */
@Component
class DemoReport {

	static final Map<Integer, String> ANSWERS = answers();

	private final ReportService report;

	private final StudyRecordService record;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final MemoService memos;

	DemoReport(ReportService report, StudyRecordService record, CorpusService corpus, CodebookService codebook, MemoService memos) {
		this.codebook = codebook;
		this.memos = memos;
		this.report = report;
		this.record = record;
		this.corpus = corpus;
	}

	@EventListener
	@Order(30)
	void on(DemoProjectCreated event) {
		ProjectId p = event.projectId();
		ANSWERS.forEach((item, answer) -> report.answer(p, item, answer));
		record.addTeamMember(p, "Ingrid Holm", "moderator and analyst", "MSc, PhD candidate", "Researcher, department of occupational medicine",
				"woman", "Training in qualitative methods; took part in the caseworkers' MI course");
		record.addTeamMember(p, "Erik Lund", "co-moderator and analyst", "PhD", "Senior researcher, department of occupational medicine",
				"man", "Ten years of focus-group research in health services");
		Map<String, DocumentId> docs = new java.util.HashMap<>();
		corpus.documents(p).forEach(d -> docs.put(d.name(), d.id()));
		record.addSession(p, docs.get("focus-group-mi-caseworkers"), LocalDate.of(2019, 5, 14), "Ingrid Holm", "Erik Lund",
				"Meeting room at the local welfare office", "No one", "Audio recorded, transcribed verbatim",
				"Written by the co-moderator during and after the session", null);
		record.addSession(p, docs.get("focus-group-mi-substitute"), LocalDate.of(2019, 6, 4), "Ingrid Holm", "Erik Lund",
				"Meeting room at the local welfare office", "No one", "Audio recorded, transcribed verbatim",
				"Written by the co-moderator during and after the session", null);
		record.addSession(p, docs.get("intervju-saksbehandler"), LocalDate.of(2019, 6, 18), "Ingrid Holm", "",
				"The caseworker's office", "No one", "Audio recorded, transcribed verbatim", "Written after the interview", null);
		record.addMemberCheck(p, "MI Caseworker 1–4", "the summary of results", LocalDate.of(2020, 2, 3),
				"Recognised the themes; asked that the workload theme say more about the weekends");
	}

	/**
	 * The analysts' theme narratives, written when the demo's transaction commits, after every other
	 * demo listener has created the codebook and the codings.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void themeNarratives(DemoProjectCreated event) {
		ProjectId p = event.projectId();
		NARRATIVES.forEach((theme, text) -> codebook.findCode(p, theme)
			.ifPresent(c -> memos.write(p, MemoTarget.CODE, c.id().value(), "Anna", ReportComposer.THEME_NARRATIVE, text)));
	}

	/** Theme narratives for one theme of each RE-AIM dimension, written for Quire (fictional, no text from the seed). */
	static final Map<String, String> NARRATIVES = Map.of(
			"Early, proactive contact",
			"Both groups valued reaching the sick-listed worker while the tie to the workplace was still fresh. The MI caseworkers "
					+ "described the two early sessions as a chance to talk about the return before positions hardened, and several "
					+ "contrasted this with ordinary follow-up, where the first real conversation often came months into the spell. "
					+ "Some workers, however, were still in treatment and not ready to think about work.",
			"Sick-listed workers feel heard",
			"The caseworkers told of workers who were surprised to be asked what mattered to them rather than which forms were "
					+ "missing. Being listened to seemed to lower the guard that many brought to a meeting with the welfare office, "
					+ "and the caseworkers linked this to more open talk about the job, the employer and the steps back. Whether it "
					+ "changed the return itself, they could not say.",
			"MI: a useful but difficult method to master",
			"The caseworkers found MI meaningful and a good fit for early follow-up, yet hard to use well. In the first sessions "
					+ "they were busy remembering which skill to use next, and summarising and asking permission before giving "
					+ "information felt awkward. With recordings, feedback and repetition the techniques became more natural, but "
					+ "the MI-substitute caseworkers, who had the training without the sessions, used the method only now and then.",
			"Resource-intensive RTW follow-up",
			"Two extra sessions per worker, each with preparation and notes, came on top of a full caseload. The MI caseworkers had "
					+ "expected their ordinary load to be reduced and described weeks in which the project sessions crowded out "
					+ "other follow-up. The open, exploratory pace of an MI conversation also took longer than the goal-directed "
					+ "meetings they were used to, which several saw as both its strength and its cost.",
			"Maintaining MI skills: the need for practising",
			"Keeping the skills alive after the project was the caseworkers' main worry. Without regular sessions, recordings and "
					+ "feedback they expected to slide back into old habits, and they asked for a fixed place to practise, such as "
					+ "peer groups or supervision built into the working week. The MI-substitute caseworkers, with even fewer chances "
					+ "to use the method, felt this need most strongly.");

	private static Map<Integer, String> answers() {
		Map<Integer, String> a = new LinkedHashMap<>();
		a.put(6, "The moderator had met the caseworkers at the MI course; there was no working relationship.");
		a.put(9, "Reflexive thematic analysis (Braun & Clarke 2006) within the RE-AIM framework, analysing the MI group "
				+ "first and then the MI-substitute group for differences.");
		a.put(10, "Purposive: every caseworker who had delivered MI sessions, or had been trained as a substitute, was invited.");
		a.put(11, "By e-mail from the project leader, followed by a telephone call.");
		a.put(13, "Of the eight caseworkers invited, seven took part; one was on leave.");
		a.put(17, "A semi-structured guide on training, the sessions, workload, support and continuing MI; it was not pilot tested.");
		return a;
	}

}
