package quire.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import quire.report.document.BarChart;
import quire.report.document.Block;
import quire.report.document.Heading;
import quire.report.document.Paragraph;
import quire.report.document.Table;

/** Tables and figures are numbered in order of first mention, placed once, and left-out sections take theirs with them. */
final class ReportNumberingTests {

	static Table table(String caption) {
		return new Table(caption, List.of("a"), List.of(List.of("1")));
	}

	@Test
	void tablesAreNumberedByFirstMentionAndPlacedOnceAfterIt() {
		Map<String, Block> tables = new LinkedHashMap<>();
		tables.put("miti", table("MITI"));
		tables.put("survey", table("Survey"));
		tables.put("curve", new BarChart("Curve", List.of("x"), List.of(1.0), 1, ""));
		List<Block> blocks = List.of(new Heading(1, "Results"), new Paragraph("Answers are in Table {table:survey}."),
				new Paragraph("Scores are in Table {table:miti}, see also Table {table:survey} and Figure {figure:curve}."));
		List<Block> out = ReportComposer.number(blocks, tables);
		assertThat(out).containsExactly(new Heading(1, "Results"), new Paragraph("Answers are in Table 1."), table("Table 1. Survey"),
				new Paragraph("Scores are in Table 2, see also Table 1 and Figure 1."), table("Table 2. MITI"),
				new BarChart("Figure 1. Curve", List.of("x"), List.of(1.0), 1, ""));
	}

	@Test
	void aTableStandingInTheTextKeepsItsPlaceAndANumberEvenIfNothingMentionsIt() {
		Map<String, Block> tables = new LinkedHashMap<>();
		tables.put("a", table("A"));
		tables.put("b", table("B"));
		List<Block> out = ReportComposer.number(List.of(tables.get("b"), new Paragraph("See Table {table:a}."), tables.get("a")), tables);
		assertThat(out).containsExactly(table("Table 1. B"), new Paragraph("See Table 2."), table("Table 2. A"));
	}

	@Test
	void aLeftOutSectionEndsAtTheNextHeadingOfItsLevel() {
		List<Block> blocks = List.of(new Heading(1, "Methods"), new Heading(2, "Participants"), new Paragraph("P"), new Heading(3, "Sub"),
				new Paragraph("S"), new Heading(2, "Data analysis"), new Paragraph("D"));
		assertThat(ReportComposer.leaveOut(blocks, Set.of("participants"))).containsExactly(new Heading(1, "Methods"),
				new Heading(2, "Data analysis"), new Paragraph("D"));
		assertThat(ReportComposer.leaveOut(blocks, Set.of())).isEqualTo(blocks);
	}

}
