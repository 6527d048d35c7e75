package quire.search.opensearch;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import quire.corpus.Turn;
import quire.search.SearchRequest;
import quire.search.internal.CodeConstraints;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.TurnFields;

/**
 * The JSON the engine sends: bulk actions for turns, term queries, the search of matching turns
 * (Quire's syntax as a {@code query_string} query over both text fields, filters as filters) and
 * the composite aggregation that lists the indexed documents.
 */
final class TurnQueries {

	/** The fields a search reads from each matching turn. */
	private static final List<String> SOURCE = List.of(TurnFields.DOCUMENT, TurnFields.DOCUMENT_NAME,
			TurnFields.SPEAKER, TurnFields.TURN, TurnFields.TURN_START, TurnFields.CODINGS, TurnFields.TEXT_EN,
			TurnFields.TEXT_NO);

	private final JsonMapper json;

	private final TurnMapping mapping;

	TurnQueries(JsonMapper json) {
		this.json = json;
		this.mapping = new TurnMapping(json);
	}

	ObjectNode object() {
		return json.createObjectNode();
	}

	/**
	 * Appends an index action for every turn of the transcripts to {@code body} and returns how many
	 * turns it added.
	 */
	int indexActions(StringBuilder body, String index, List<IndexedTranscript> transcripts) {
		int n = 0;
		for (IndexedTranscript t : transcripts) {
			for (Turn turn : t.transcript().turns()) {
				ObjectNode action = json.createObjectNode();
				action.putObject("index").put("_index", index).put("_id", TurnMapping.id(t.transcript(), turn));
				body.append(json.writeValueAsString(action)).append('\n');
				body.append(json.writeValueAsString(mapping.turn(t, turn))).append('\n');
				n++;
			}
		}
		return n;
	}

	/** Appends a delete action for one turn of an index. */
	void deleteAction(StringBuilder body, String index, String id) {
		ObjectNode action = json.createObjectNode();
		action.putObject("delete").put("_index", index).put("_id", id);
		body.append(json.writeValueAsString(action)).append('\n');
	}

	/** {@code {"query": {"term": {field: value}}}}. */
	ObjectNode termQuery(String field, String value) {
		ObjectNode query = json.createObjectNode();
		query.putObject("query").putObject("term").put(field, value);
		return query;
	}

	/** The turns of a document in other versions than {@code version}. */
	ObjectNode otherVersions(String document, long version) {
		ObjectNode query = json.createObjectNode();
		ObjectNode bool = query.putObject("query").putObject("bool");
		bool.putArray("filter").addObject().putObject("term").put(TurnFields.DOCUMENT, document);
		bool.putArray("must_not").addObject().putObject("term").put(TurnFields.VERSION, version);
		return query;
	}

	/** The first page of a search of matching turns, in document-name and turn order. */
	ObjectNode search(SearchRequest request, CodeConstraints codes, int size) {
		ObjectNode body = json.createObjectNode();
		body.set("query", query(request, codes));
		body.put("size", size).put("track_total_hits", false);
		ArrayNode sort = body.putArray("sort");
		for (String field : List.of(TurnFields.DOCUMENT_NAME, TurnFields.TURN, TurnFields.DOCUMENT_ID)) {
			sort.addObject().put(field, "asc");
		}
		ArrayNode source = body.putArray("_source");
		SOURCE.forEach(source::add);
		return body;
	}

	/** The cluster's query: Quire's syntax over both text fields, the filters as filters. */
	private ObjectNode query(SearchRequest request, CodeConstraints codes) {
		ObjectNode query = json.createObjectNode();
		ObjectNode bool = query.putObject("bool");
		ObjectNode text = bool.putArray("must").addObject().putObject("query_string");
		text.put("query", request.query().strip());
		text.putArray("fields").add(TurnFields.TEXT_EN).add(TurnFields.TEXT_NO);
		// as Quire's classic query parser: all words must occur, no leading wildcards, fuzzy terms 2 edits away
		text.put("default_operator", "AND").put("allow_leading_wildcard", false).put("fuzziness", "2");
		ArrayNode filter = bool.putArray("filter");
		term(filter, TurnFields.PROJECT, request.project().toString());
		if (request.group() != null) {
			term(filter, TurnFields.GROUP, request.group());
		}
		if (request.document() != null) {
			term(filter, TurnFields.DOCUMENT, request.document().toString());
		}
		if (request.speaker() != null) {
			term(filter, TurnFields.SPEAKER, request.speaker());
		}
		for (Set<Long> anyOf : codes.codedWithAll()) {
			filter.add(anyCode(anyOf));
		}
		if (codes.within() != null) {
			// a hit inside a coding lies in a turn that coding overlaps, so the turn carries the code
			filter.add(anyCode(codes.within()));
		}
		if (!codes.notCodedWith().isEmpty()) {
			bool.putArray("must_not").add(anyCode(codes.notCodedWith()));
		}
		return query;
	}

	private static void term(ArrayNode filter, String field, String value) {
		filter.addObject().putObject("term").put(field, value);
	}

	private ObjectNode anyCode(Set<Long> ids) {
		ObjectNode terms = json.createObjectNode();
		ArrayNode values = terms.putObject("terms").putArray(TurnFields.CODE);
		if (ids.isEmpty()) {
			// an empty set means "coded with nothing", which no turn is
			values.add("none");
		}
		ids.stream().sorted().forEach(id -> values.add(id.toString()));
		return terms;
	}

	/**
	 * Every document with its turn count and (up to two) versions, 1000 documents a page; the composite
	 * aggregation is {@code aggs.documents.composite}, where the next page's {@code after} goes.
	 */
	ObjectNode documents() {
		ObjectNode body = json.createObjectNode();
		body.put("size", 0);
		ObjectNode composite = body.putObject("aggs").putObject("documents");
		ObjectNode sources = composite.putObject("composite").put("size", 1000);
		sources.putArray("sources").addObject().putObject("id").putObject("terms").put("field", TurnFields.DOCUMENT_ID);
		composite.putObject("aggs")
			.putObject("versions")
			.putObject("terms")
			.put("field", TurnFields.VERSION)
			.put("size", 2);
		return body;
	}

	/** A document's turn count per version (up to two versions), to tell whether a write is already applied. */
	ObjectNode versionsOf(String document) {
		ObjectNode body = termQuery(TurnFields.DOCUMENT, document);
		body.put("size", 0).put("track_total_hits", true);
		body.putObject("aggs").putObject("versions").putObject("terms").put("field", TurnFields.VERSION).put("size", 2);
		return body;
	}

}
