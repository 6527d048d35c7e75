package quire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import quire.bench.internal.MarkdownTable;
import quire.bench.internal.Percentiles;

/** The Ratio cell of the rows that set Quire against ripgrep or PostgreSQL names the faster engine. */
final class MarkdownTableTests {

	private static Percentiles p(double p50, double p99) {
		return new Percentiles(100, p50, p99, p99, p99);
	}

	@Test
	void quireFasterAtBothPercentilesNamesQuire() {
		assertThat(MarkdownTable.faster("ripgrep", p(3.81, 22.5), p(46.8, 4341)))
			.isEqualTo("Quire faster: p50 12.3×, p99 193×");
	}

	@Test
	void otherEngineFasterNamesItWithARatioAboveOne() {
		// docs/benchmarks.md once printed this measurement as "Quire faster: p50 0.33×, p99 0.27×"
		assertThat(MarkdownTable.faster("PostgreSQL", p(23.2, 156), p(7.72, 42.7)))
			.isEqualTo("PostgreSQL faster: p50 3.01×, p99 3.65×");
	}

	@Test
	void percentilesThatDisagreeAreReportedEachOnItsOwn() {
		assertThat(MarkdownTable.faster("PostgreSQL", p(3.0, 100), p(6.0, 50)))
			.isEqualTo("p50: Quire faster 2.00×; p99: PostgreSQL faster 2.00×");
	}

	@Test
	void aRatioThatPrintsAsOneNamesNoWinner() {
		assertThat(MarkdownTable.faster("ripgrep", p(10.0, 20.0), p(10.001, 20.0)))
			.isEqualTo("p50: even; p99: even");
		assertThat(MarkdownTable.faster("ripgrep", p(10.0, 20.0), p(10.0, 30.0)))
			.isEqualTo("p50: even; p99: Quire faster 1.50×");
	}

	@Test
	void theCellSurvivesTheTableRoundTrip() {
		var table = new MarkdownTable();
		String cell = MarkdownTable.faster("PostgreSQL", p(23.2, 156), p(9.47, 114));
		table.add("vs PostgreSQL FTS unranked (count + LIMIT 100)", "", "", cell, "");
		assertThat(MarkdownTable.parse(table.markdown()).getFirst().ratio())
			.isEqualTo("PostgreSQL faster: p50 2.45×, p99 1.37×");
	}

}
