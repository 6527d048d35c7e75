package quire.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

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

	DemoReport(ReportService report, StudyRecordService record, CorpusService corpus) {
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

	private static Map<Integer, String> answers() {
		Map<Integer, String> a = new LinkedHashMap<>();
		a.put(6, "The moderator had met the caseworkers at the MI course; there was no working relationship.");
		a.put(9, "Reflexive thematic analysis (Braun & Clarke 2006) within the RE-AIM framework, analysing the MI group "
				+ "first and then the MI-substitute group for differences.");
		a.put(10, "Purposive: every caseworker who had delivered MI sessions, or had been trained as a substitute, was invited.");
		a.put(11, "By e-mail from the project leader, followed by a telephone call.");
		a.put(13, "Of the eight caseworkers invited, seven took part; one was on leave.");
		a.put(17, "A semi-structured guide on training, the sessions, workload, support and continuing MI; it was not pilot tested.");
		a.put(22, "Saturation was discussed by the analysts; the curve of new codes per document supports it.");
		return a;
	}

}
