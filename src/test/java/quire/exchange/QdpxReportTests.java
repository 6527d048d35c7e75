package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import quire.project.ProjectId;

/** The summary line says what an import made in Quire's words and how many skip lines follow. */
final class QdpxReportTests {

	@Test
	void theSummaryCountsDocumentsCodingsMemosAndSkipLines() {
		QdpxReport report = new QdpxReport(new ProjectId(7), "Study", 2, 5, 1, 12, 3, 1,
				List.of("PictureSource 'Photo': ...", "2 selection(s) ..."), List.of());

		assertThat(report.describe()).isEqualTo("Imported 'Study': 1 document, 12 codings, 1 memo, 5 codes, 2 coders, "
				+ "3 participants; 2 lines below say what was skipped and why");
	}

	@Test
	void nothingSkippedIsSaid() {
		QdpxReport report = new QdpxReport(new ProjectId(7), "Empty", 0, 0, 0, 0, 0, 0, List.of(), List.of());

		assertThat(report.describe()).endsWith("0 participants; nothing skipped");
	}

}
