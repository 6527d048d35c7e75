package quire.search.opensearch;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.TurnFields;

/**
 * The turn document in OpenSearch: the fields of {@link TurnFields} with the index settings that
 * declare Quire's analysis chains.
 * <ul>
 * <li>{@code quire_english}: standard tokenizer → {@code stemmer: possessive_english} → lowercase →
 * {@code porter_stem}, the chain of {@code EnglishTranscriptAnalyzer};</li>
 * <li>{@code quire_norwegian}: standard tokenizer → lowercase → {@code quire_norwegian_light}, the chain of
 * {@code NorwegianTranscriptAnalyzer}. {@code quire_norwegian_light} is not a stock filter: Lucene's light
 * Norwegian stemmer for Bokmål and Nynorsk at once comes from Quire's analysis plugin, which every node
 * must have (decision 022).</li>
 * </ul>
 * Project, document, group, speaker, language and code ids are keywords; document id, version, turn and
 * turn start are numbers with doc values (order and the check of decision 010); the text fields index
 * offsets; the coded ranges are kept in the source only, for "hits inside a code".
 */
final class TurnMapping {

	static final String ENGLISH = "quire_english";

	static final String NORWEGIAN = "quire_norwegian";

	/** The token filter Quire's analysis plugin adds to a cluster. */
	static final String NORWEGIAN_STEMMER = "quire_norwegian_light";

	private final JsonMapper json;

	/** The Norwegian chain's stemmer: {@link #NORWEGIAN_STEMMER}, or in a test a filter no cluster has. */
	private final String norwegianStemmer;

	TurnMapping(JsonMapper json) {
		this(json, NORWEGIAN_STEMMER);
	}

	TurnMapping(JsonMapper json, String norwegianStemmer) {
		this.json = json;
		this.norwegianStemmer = norwegianStemmer;
	}

	/** The body that creates an index of turns. */
	ObjectNode index(int shards, int replicas) {
		ObjectNode body = json.createObjectNode();
		ObjectNode settings = body.putObject("settings");
		settings.put("number_of_shards", shards).put("number_of_replicas", replicas);
		ObjectNode analysis = settings.putObject("analysis");
		analysis.putObject("filter")
			.putObject("quire_possessive_english")
			.put("type", "stemmer")
			.put("language", "possessive_english");
		ObjectNode analyzers = analysis.putObject("analyzer");
		chain(analyzers.putObject(ENGLISH), "quire_possessive_english", "lowercase", "porter_stem");
		chain(analyzers.putObject(NORWEGIAN), "lowercase", norwegianStemmer);
		ObjectNode mappings = body.putObject("mappings");
		mappings.put("dynamic", "strict");
		ObjectNode fields = mappings.putObject("properties");
		for (String keyword : List.of(TurnFields.PROJECT, TurnFields.DOCUMENT, TurnFields.DOCUMENT_NAME, TurnFields.GROUP,
				TurnFields.SPEAKER, TurnFields.LANGUAGE, TurnFields.CODE)) {
			fields.putObject(keyword).put("type", "keyword");
		}
		fields.putObject(TurnFields.DOCUMENT_ID).put("type", "long");
		fields.putObject(TurnFields.VERSION).put("type", "long");
		fields.putObject(TurnFields.TURN).put("type", "integer");
		fields.putObject(TurnFields.TURN_START).put("type", "integer");
		fields.putObject(TurnFields.CODINGS).put("type", "object").put("enabled", false);
		fields.putObject(TurnFields.TEXT_EN).put("type", "text").put("analyzer", ENGLISH).put("index_options", "offsets");
		fields.putObject(TurnFields.TEXT_NO)
			.put("type", "text")
			.put("analyzer", NORWEGIAN)
			.put("index_options", "offsets");
		return body;
	}

	private static void chain(ObjectNode analyzer, String... filters) {
		analyzer.put("type", "custom").put("tokenizer", "standard");
		ArrayNode list = analyzer.putArray("filter");
		for (String filter : filters) {
			list.add(filter);
		}
	}

	/** The id of a turn's document: one per turn, so indexing a document again overwrites its turns. */
	static String id(Transcript transcript, Turn turn) {
		return transcript.document().id().value() + "-" + turn.index();
	}

	/** The text field of a transcript's language. */
	static String textField(Language language) {
		return language == Language.NORWEGIAN ? TurnFields.TEXT_NO : TurnFields.TEXT_EN;
	}

	/** A turn as an OpenSearch document. */
	ObjectNode turn(IndexedTranscript indexed, Turn turn) {
		Transcript t = indexed.transcript();
		var d = t.document();
		ObjectNode doc = json.createObjectNode();
		doc.put(TurnFields.PROJECT, d.projectId().toString());
		doc.put(TurnFields.DOCUMENT, d.id().toString());
		doc.put(TurnFields.DOCUMENT_ID, d.id().value());
		doc.put(TurnFields.VERSION, indexed.version());
		doc.put(TurnFields.DOCUMENT_NAME, d.name());
		if (d.group() != null) {
			doc.put(TurnFields.GROUP, d.group());
		}
		if (turn.speaker() != null) {
			doc.put(TurnFields.SPEAKER, turn.speaker());
		}
		doc.put(TurnFields.LANGUAGE, d.language().code());
		doc.put(TurnFields.TURN, turn.index());
		doc.put(TurnFields.TURN_START, turn.start());
		Set<Long> codes = indexed.codesByTurn().getOrDefault(turn.index(), Set.of());
		if (!codes.isEmpty()) {
			ArrayNode list = doc.putArray(TurnFields.CODE);
			codes.stream().sorted().forEach(code -> list.add(code.toString()));
		}
		List<IndexedTranscript.CodedSpan> codings = indexed.codingsByTurn().getOrDefault(turn.index(), List.of());
		if (!codings.isEmpty()) {
			ArrayNode list = doc.putArray(TurnFields.CODINGS);
			for (IndexedTranscript.CodedSpan c : codings) {
				list.addObject().put("code", c.code()).put("start", c.start()).put("end", c.end());
			}
		}
		doc.put(textField(d.language()), t.turnText(turn));
		return doc;
	}

}
