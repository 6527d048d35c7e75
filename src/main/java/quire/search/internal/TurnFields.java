package quire.search.internal;

/** Field names of a turn's Lucene document, and of the OpenSearch mapping ({@code quire.search.opensearch.TurnMapping}). */
public final class TurnFields {

	public static final String PROJECT = "project";

	public static final String DOCUMENT = "document";

	public static final String DOCUMENT_NAME = "document_name";

	public static final String GROUP = "group";

	public static final String SPEAKER = "speaker";

	public static final String LANGUAGE = "language";

	public static final String TURN = "turn";

	public static final String TURN_START = "turn_start";

	/** Ids of the codes whose codings overlap the turn (any coder), one value per code. */
	public static final String CODE = "code";

	/** The document id as a number (doc values), for per-document counts without loading stored fields. */
	public static final String DOCUMENT_ID = "document_id";

	/** The document's {@link IndexedTranscript#version} (numeric doc values, the same on each of its turns). */
	public static final String VERSION = "version";

	/** The codings overlapping the turn, as (code, start, end) triples (binary doc values). */
	public static final String CODINGS = "codings";

	public static final String TEXT_EN = "text_en";

	public static final String TEXT_NO = "text_no";

	public static final String[] TEXT_FIELDS = { TEXT_EN, TEXT_NO };

	private TurnFields() {
	}

}
