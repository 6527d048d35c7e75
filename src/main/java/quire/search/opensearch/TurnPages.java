package quire.search.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.opensearch.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import quire.corpus.DocumentId;
import quire.search.DocumentHits;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.internal.CodeConstraints;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.Kwic;
import quire.search.internal.TurnFields;
import quire.search.opensearch.OpenSearchHttp.Refused;

/**
 * A search as pages of matching turns: the turns are streamed in document-name and turn order through
 * a point in time ({@code search_after}), and Quire's {@link HitLocator} finds the hits in each, which
 * make the KWIC rows (up to the request's limit) and the hit counts per document.
 */
final class TurnPages {

	private static final Logger log = LoggerFactory.getLogger(TurnPages.class);

	private static final String KEEP_ALIVE = "2m";

	private final OpenSearchHttp http;

	private final TurnQueries queries;

	private final HitLocator locator = new HitLocator();

	TurnPages(OpenSearchHttp http, TurnQueries queries) {
		this.http = http;
		this.queries = queries;
	}

	/** Runs a search on the alias in pages of {@code size} turns. */
	SearchResult search(String alias, SearchRequest request, CodeConstraints codes, int size) {
		Query local = locator.parse(request.query());
		ObjectNode body = queries.search(request, codes, size);
		Map<String, DocumentCount> perDocument = new LinkedHashMap<>();
		List<KwicHit> rows = new ArrayList<>();
		int hits = 0;
		int turns = 0;
		String pit = openPointInTime(alias);
		try {
			body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
			while (true) {
				JsonNode answer;
				try {
					answer = http.call("POST", "/_search", body);
				}
				catch (Refused ex) {
					throw new IllegalArgumentException(
							"cannot run the query '" + request.query().strip() + "': " + ex.reason, ex);
				}
				JsonNode found = answer.path("hits").path("hits");
				for (JsonNode hit : found) {
					JsonNode turn = hit.path("_source");
					String field = turn.has(TurnFields.TEXT_EN) ? TurnFields.TEXT_EN : TurnFields.TEXT_NO;
					String words = turn.path(field).asString("");
					int turnStart = turn.path(TurnFields.TURN_START).asInt();
					List<int[]> spans = locator.locate(local, field, words, turnStart, codings(turn), codes.within());
					if (spans.isEmpty()) {
						continue;
					}
					String document = turn.path(TurnFields.DOCUMENT).asString();
					String name = turn.path(TurnFields.DOCUMENT_NAME).asString("");
					perDocument.computeIfAbsent(document, d -> new DocumentCount(name)).hits += spans.size();
					hits += spans.size();
					turns++;
					String speaker = turn.hasNonNull(TurnFields.SPEAKER) ? turn.path(TurnFields.SPEAKER).asString() : null;
					for (int[] span : spans) {
						if (rows.size() == request.maxHits()) {
							break;
						}
						rows.add(new KwicHit(new DocumentId(Long.parseLong(document)), name,
								turn.path(TurnFields.TURN).asInt(), speaker, turnStart + span[0], turnStart + span[1],
								Kwic.left(words, span[0]), words.substring(span[0], span[1]),
								Kwic.right(words, span[1])));
					}
				}
				if (found.size() < size) {
					break;
				}
				body.set("search_after", found.get(found.size() - 1).path("sort"));
				pit = answer.path("pit_id").asString(pit);
				((ObjectNode) body.path("pit")).put("id", pit);
			}
		}
		finally {
			closePointInTime(pit);
		}
		List<DocumentHits> counts = new ArrayList<>(perDocument.size());
		perDocument.forEach((id, n) -> counts.add(new DocumentHits(new DocumentId(Long.parseLong(id)), n.name, n.hits)));
		counts.sort(Comparator.comparing(DocumentHits::documentName, String.CASE_INSENSITIVE_ORDER));
		return new SearchResult(rows, counts, hits, turns, rows.size() < hits);
	}

	private static List<IndexedTranscript.CodedSpan> codings(JsonNode turn) {
		List<IndexedTranscript.CodedSpan> out = new ArrayList<>();
		for (JsonNode c : turn.path(TurnFields.CODINGS)) {
			out.add(new IndexedTranscript.CodedSpan(c.path("code").asLong(), c.path("start").asInt(),
					c.path("end").asInt()));
		}
		return out;
	}

	private String openPointInTime(String alias) {
		Request request = new Request("POST", "/" + alias + "/_search/point_in_time");
		request.addParameter("keep_alive", KEEP_ALIVE);
		return http.perform(request).path("pit_id").asString();
	}

	private void closePointInTime(String pit) {
		try {
			ObjectNode body = queries.object();
			body.putArray("pit_id").add(pit);
			http.call("DELETE", "/_search/point_in_time", body);
		}
		catch (RuntimeException ex) {
			// it expires by itself after KEEP_ALIVE
			log.debug("A point in time could not be closed: {}", ex.getMessage());
		}
	}

	/** Hits of a document, with its name. */
	private static final class DocumentCount {

		final String name;

		int hits;

		DocumentCount(String name) {
			this.name = name;
		}

	}

}
