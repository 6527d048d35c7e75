package quire.bench.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;

/**
 * PostgreSQL full-text search over the same turns: a table with a generated {@code tsvector} column
 * (the {@code english} or {@code norwegian} configuration per document) and a GIN index, in its own
 * schema {@code quire_bench_<process id>} of the database it is given (so two runs, such as CI and
 * a developer's, never share it), dropped afterwards. Plain JDBC on purpose:
 * this is a measurement baseline, not a Quire feature, and it must not touch Quire's own schema.
 */
public final class PostgresFts implements AutoCloseable {

	private static final String SCHEMA = "quire_bench_" + ProcessHandle.current().pid();

	private final Connection connection;

	/** What loading took. */
	public record Loading(long rows, double seconds, long tableBytes) {
	}

	private PostgresFts(Connection connection) {
		this.connection = connection;
	}

	/**
	 * @throws SQLException if the server cannot be reached; the caller reports the row as skipped
	 */
	public static PostgresFts connect(String url, String user, String password) throws SQLException {
		DriverManager.setLoginTimeout(5);
		return new PostgresFts(DriverManager.getConnection(url, user, password));
	}

	public String version() throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
			rs.next();
			return "PostgreSQL " + rs.getString(1);
		}
	}

	/** Loads every turn with COPY, then builds the GIN index and statistics. */
	public Loading load(CorpusManifest corpus) throws SQLException, IOException {
		long start = System.nanoTime();
		try (Statement s = connection.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
			s.execute("create table " + SCHEMA + ".turn (id bigint primary key, document text not null, "
					+ "grp text not null, speaker text not null, cfg regconfig not null, body text not null, "
					+ "tsv tsvector generated always as (to_tsvector(cfg, body)) stored)");
		}
		long rows = 0;
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		StringBuilder batch = new StringBuilder();
		for (CorpusManifest.Entry e : corpus.files()) {
			String cfg = e.language() == quire.corpus.Language.NORWEGIAN ? "norwegian" : "english";
			for (String line : Files.readString(corpus.root().resolve(e.path()), StandardCharsets.UTF_8).split("\n")) {
				int close = line.indexOf("] ");
				int colon = close < 0 ? -1 : line.indexOf(": ", close);
				if (colon < 0) {
					continue;
				}
				batch.append(++rows).append('\t').append(escape(e.path())).append('\t').append(escape(e.group()))
					.append('\t').append(escape(line.substring(close + 2, colon))).append('\t').append(cfg).append('\t')
					.append(escape(line.substring(colon + 2))).append('\n');
			}
			if (batch.length() > 8_000_000) {
				copy.copyIn("copy " + SCHEMA + ".turn (id, document, grp, speaker, cfg, body) from stdin",
						new StringReader(batch.toString()));
				batch.setLength(0);
			}
		}
		copy.copyIn("copy " + SCHEMA + ".turn (id, document, grp, speaker, cfg, body) from stdin",
				new StringReader(batch.toString()));
		try (Statement s = connection.createStatement()) {
			s.execute("create index turn_tsv on " + SCHEMA + ".turn using gin (tsv)");
			s.execute("create index turn_speaker on " + SCHEMA + ".turn (speaker)");
			s.execute("create index turn_grp on " + SCHEMA + ".turn (grp)");
			s.execute("analyze " + SCHEMA + ".turn");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long size;
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("select pg_total_relation_size('" + SCHEMA + ".turn')")) {
			rs.next();
			size = rs.getLong(1);
		}
		return new Loading(rows, seconds, size);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String where(BenchQuery q, String filter) {
		String w = " where tsv @@ (" + q.tsquery() + ")";
		if (filter.equals("group")) {
			w += " and grp = ?";
		}
		else if (filter.equals("speaker")) {
			w += " and speaker = ?";
		}
		return w;
	}

	private static void bind(PreparedStatement ps, BenchQuery q, String filter) throws SQLException {
		if (filter.equals("group")) {
			ps.setString(1, q.group());
		}
		else if (filter.equals("speaker")) {
			ps.setString(1, q.speaker());
		}
	}

	/** Top 100 by {@code ts_rank} with the exact total (a window count); returns the total. */
	public long ranked(BenchQuery q, String filter) throws SQLException {
		String sql = "select id, body, count(*) over () from " + SCHEMA + ".turn" + where(q, filter)
				+ " order by ts_rank(tsv, (" + q.tsquery() + ")) desc limit 100";
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			bind(ps, q, filter);
			long total = 0;
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rs.getString(2);
					total = rs.getLong(3);
				}
			}
			return total;
		}
	}

	/** The exact count, then any 100 matching turns (no ranking); returns the count. */
	public long unranked(BenchQuery q, String filter) throws SQLException {
		long total;
		try (PreparedStatement ps = connection.prepareStatement("select count(*) from " + SCHEMA + ".turn" + where(q, filter))) {
			bind(ps, q, filter);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				total = rs.getLong(1);
			}
		}
		try (PreparedStatement ps = connection.prepareStatement("select id, body from " + SCHEMA + ".turn" + where(q, filter) + " limit 100")) {
			bind(ps, q, filter);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rs.getString(2);
				}
			}
		}
		return total;
	}

	/** Drops the benchmark's schema. */
	public void drop() throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}
