package quire.search.internal;

/** Field names of a turn's Lucene document. */
final class TurnFields {

	static final String PROJECT = "project";

	static final String DOCUMENT = "document";

	static final String DOCUMENT_NAME = "document_name";

	static final String GROUP = "group";

	static final String SPEAKER = "speaker";

	static final String LANGUAGE = "language";

	static final String TURN = "turn";

	static final String TURN_START = "turn_start";

	/** Ids of the codes whose codings overlap the turn (any coder), one value per code. */
	static final String CODE = "code";

	/** The document id as a number (doc values), for per-document counts without loading stored fields. */
	static final String DOCUMENT_ID = "document_id";

	/** The document's {@link IndexedTranscript#version} (numeric doc values, the same on each of its turns). */
	static final String VERSION = "version";

	/** The codings overlapping the turn, as (code, start, end) triples (binary doc values). */
	static final String CODINGS = "codings";

	static final String TEXT_EN = "text_en";

	static final String TEXT_NO = "text_no";

	static final String[] TEXT_FIELDS = { TEXT_EN, TEXT_NO };

	private TurnFields() {
	}

}
