package quire.corpus.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows in JDBC batches: a transcript has hundreds of turns and sentences, and one statement
 * per row spent most of an import's database time in round trips and statement preparation (issue
 * 10). The SQL types are given so that null columns bind the same way on H2 and PostgreSQL.
 */
final class JdbcBatches {

	private static final int BATCH_SIZE = 500;

	private JdbcBatches() {
	}

	static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
		for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)), types);
		}
	}

}
