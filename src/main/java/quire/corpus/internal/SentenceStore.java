package quire.corpus.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import quire.corpus.DocumentId;
import quire.corpus.SentenceUnit;

/**
 * The SQL of stored sentence units ({@code sentence_unit}): derived data that the language-processing
 * module stores after an import, and that an edited copy carries over from its original. Checks and
 * transactions are the caller's.
 */
@Component
public class SentenceStore {

	private static final int[] SENTENCE_TYPES = { Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.INTEGER,
			Types.VARCHAR };

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	SentenceStore(JdbcClient jdbc, JdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	/** A document's stored sentence units in order; empty if none are stored. */
	public List<SentenceUnit> stored(DocumentId id) {
		return jdbc.sql("""
				select unit_index, start_offset, end_offset from sentence_unit where document_id = ? order by unit_index
				""").param(id.value()).query((rs, row) -> new SentenceUnit(rs.getInt(1), rs.getInt(2), rs.getInt(3))).list();
	}

	/** Who found a document's stored sentence units, if they are stored. */
	public Optional<String> method(DocumentId id) {
		return jdbc.sql("select max(method) from sentence_unit where document_id = ?")
			.param(id.value())
			.query(String.class)
			.optional();
	}

	/** Stores a document's sentence units, numbered in the given order. */
	public void insert(DocumentId id, List<SentenceUnit> units, String method) {
		List<Object[]> rows = new ArrayList<>(units.size());
		int index = 0;
		for (SentenceUnit u : units) {
			rows.add(new Object[] { id.value(), index++, u.start(), u.end(), method });
		}
		JdbcBatches.insert(batchJdbc,
				"insert into sentence_unit (document_id, unit_index, start_offset, end_offset, method) values (?, ?, ?, ?, ?)",
				rows, SENTENCE_TYPES);
	}

	/** Removes a document's stored sentence units. */
	public void delete(DocumentId id) {
		jdbc.sql("delete from sentence_unit where document_id = ?").param(id.value()).update();
	}

	/** Documents with turns whose sentence units are not stored, by id. */
	public List<DocumentId> documentsWithout() {
		return jdbc.sql("""
				select d.id from document d
				where d.turn_count > 0 and not exists (select 1 from sentence_unit s where s.document_id = d.id)
				order by d.id
				""").query((rs, row) -> new DocumentId(rs.getLong(1))).list();
	}

}
