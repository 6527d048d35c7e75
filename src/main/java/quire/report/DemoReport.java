package quire.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import quire.corpus.DemoProjectCreated;

/**
 * The demo project's authors' answers to the COREQ items Quire cannot know, written for Quire in the
 * setting of the fictional study (no text taken from the seed papers), so the demo report reads like
 * a draft. A few items stay unanswered on purpose, to show how the report names what is missing.
 */
@Component
class DemoReport {

	static final Map<Integer, String> ANSWERS = answers();

	private final ReportService report;

	DemoReport(ReportService report) {
		this.report = report;
	}

	@EventListener
	@Order(30)
	void on(DemoProjectCreated event) {
		ANSWERS.forEach((item, answer) -> report.answer(event.projectId(), item, answer));
	}

	private static Map<Integer, String> answers() {
		Map<Integer, String> a = new LinkedHashMap<>();
		a.put(1, "The moderator (first author) and the co-moderator (second author) led both focus groups; the first author "
				+ "also conducted the individual interview.");
		a.put(2, "Moderator: MSc in health sciences, PhD candidate. Co-moderator: PhD in public health.");
		a.put(3, "Both were researchers at a university hospital's department of occupational medicine.");
		a.put(4, "The moderator is a woman and the co-moderator a man.");
		a.put(5, "Both had training in qualitative methods and had taken part in the MI course given to the caseworkers.");
		a.put(6, "The moderator had met the caseworkers at the MI course; there was no working relationship.");
		a.put(9, "Reflexive thematic analysis (Braun & Clarke 2006) within the RE-AIM framework, analysing the MI group "
				+ "first and then the MI-substitute group for differences.");
		a.put(10, "Purposive: every caseworker who had delivered MI sessions, or had been trained as a substitute, was invited.");
		a.put(11, "By e-mail from the project leader, followed by a telephone call.");
		a.put(13, "Of the eight caseworkers invited, seven took part; one was on leave.");
		a.put(14, "A meeting room at the local welfare office, during working hours.");
		a.put(15, "No one besides the participants and the two researchers.");
		a.put(17, "A semi-structured guide on training, the sessions, workload, support and continuing MI; it was not pilot tested.");
		a.put(19, "All sessions were audio recorded and transcribed verbatim.");
		a.put(20, "The co-moderator wrote field notes during and after each focus group.");
		a.put(22, "Saturation was discussed by the analysts; the curve of new codes per document supports it.");
		a.put(28, "The caseworkers received the results and were invited to comment; their comments are in the project journal.");
		return a;
	}

}
