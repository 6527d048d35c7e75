package quire.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import quire.corpus.DocumentId;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.DocumentHits;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.internal.CodeConstraints;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.Kwic;
import quire.search.internal.TurnEngine;
import quire.search.internal.TurnFields;

/**
 * The search port on an OpenSearch cluster: one OpenSearch document per turn ({@link TurnMapping}) in
 * an index that searches reach through an alias, so a {@link #rebuild} writes a new index and moves
 * the alias when it is complete while searches keep answering from the old one.
 *
 * <p>
 * A search asks the cluster for the matching turns (Quire's syntax as a {@code query_string} query
 * with the default operator AND over both text fields, filters as {@code term} filters) and streams
 * them in document-name and turn order through a point in time; Quire locates the hits in each turn
 * with its own parser ({@link HitLocator}), so rows, hit counts per document and "hits inside a code"
 * are exactly the embedded index's. The cost is one pass over the matching turns' text, measured in
 * docs/decisions/022-opensearch-engine.md.
 *
 * <p>
 * Every change is refreshed before it returns, so the next search sees it (as on the embedded
 * index); the cluster's translog makes it durable, so there is no crash marker. Changes from this
 * process are serialised, so a rebuild and a document update cannot interleave and lose the update
 * when the alias moves. A document's turns are written with their version and then the turns of other
 * versions are deleted: a search running between the two steps may see old turns beside new ones.
 */
public final class OpenSearchTurnEngine implements TurnEngine {

	private static final Logger log = LoggerFactory.getLogger(OpenSearchTurnEngine.class);

	/** Turns per page when a search streams the matching turns. */
	static final int PAGE = 1000;

	/** Turns per bulk request. */
	static final int BULK = 1000;

	private static final String KEEP_ALIVE = "2m";

	/** Turns per page of a search ({@link #PAGE}; tests make it small so that a few turns span several pages). */
	volatile int page = PAGE;

	private final OpenSearchSettings settings;

	private final RestClient client;

	private final JsonMapper json = JsonMapper.builder().build();

	private final TurnMapping mapping = new TurnMapping(json);

	private final HitLocator locator = new HitLocator();

	private final ReentrantLock writeLock = new ReentrantLock();

	/** Guards the two fields below. */
	private final Object state = new Object();

	/** Not yet compared with the database since this process opened it, or a promised change failed. */
	private boolean unchecked;

	/** Changes promised by {@link #expectChange} and not yet applied. */
	private int expected;

	private OpenSearchTurnEngine(OpenSearchSettings settings) {
		this.settings = settings;
		this.client = settings.client();
	}

	/**
	 * Connects to the cluster and creates the alias with its first index if there is none. The engine
	 * {@link #needsCheck() needs a check} against the database until {@link #checked()}.
	 * @throws IllegalStateException if the cluster cannot be reached or lacks Quire's analysis plugin
	 */
	public static OpenSearchTurnEngine open(OpenSearchSettings settings) {
		OpenSearchTurnEngine engine = new OpenSearchTurnEngine(settings);
		try {
			if (engine.aliasedIndices().isEmpty()) {
				engine.createIndex(true);
			}
			// A change promised by a Quire process that died before applying it is not in the cluster, and the
			// event that asked for it is done: every start compares the index with the database (decision 022).
			engine.unchecked = true;
		}
		catch (RuntimeException ex) {
			engine.closeQuietly();
			throw ex;
		}
		return engine;
	}

	/** The alias searches use. */
	public String alias() {
		return settings.index();
	}

	// ---- changes

	@Override
	public void replaceDocument(IndexedTranscript indexed) {
		write(() -> {
			String document = indexed.transcript().document().id().toString();
			bulk(alias(), List.of(indexed), true);
			ObjectNode query = json.createObjectNode();
			ObjectNode bool = query.putObject("query").putObject("bool");
			bool.putArray("filter").addObject().putObject("term").put(TurnFields.DOCUMENT, document);
			bool.putArray("must_not").addObject().putObject("term").put(TurnFields.VERSION, indexed.version());
			deleteByQuery(query);
		});
	}

	@Override
	public void deleteDocument(DocumentId id) {
		write(() -> deleteByQuery(termQuery(TurnFields.DOCUMENT, id.toString())));
	}

	@Override
	public void deleteProject(ProjectId id) {
		write(() -> deleteByQuery(termQuery(TurnFields.PROJECT, id.toString())));
	}

	/**
	 * Writes every transcript into a new index, refreshes it and moves the alias to it in one step; the
	 * old index answers searches until then and is deleted after.
	 */
	@Override
	public void rebuild(Iterable<IndexedTranscript> all) {
		write(() -> {
			List<String> old = aliasedIndices();
			String fresh = createIndex(false);
			try {
				List<IndexedTranscript> batch = new ArrayList<>();
				int turns = 0;
				for (IndexedTranscript t : all) {
					batch.add(t);
					turns += t.transcript().turns().size();
					if (turns >= BULK) {
						bulk(fresh, batch, false);
						batch.clear();
						turns = 0;
					}
				}
				bulk(fresh, batch, false);
				call("POST", "/" + fresh + "/_refresh", null);
				ObjectNode actions = json.createObjectNode();
				ArrayNode list = actions.putArray("actions");
				for (String index : old) {
					list.addObject().putObject("remove").put("index", index).put("alias", alias());
				}
				list.addObject().putObject("add").put("index", fresh).put("alias", alias());
				call("POST", "/_aliases", actions);
			}
			catch (RuntimeException ex) {
				deleteQuietly(fresh);
				throw ex;
			}
			for (String index : old) {
				deleteQuietly(index);
			}
		});
	}

	private void write(Runnable change) {
		writeLock.lock();
		try {
			change.run();
		}
		finally {
			writeLock.unlock();
		}
	}

	private void bulk(String index, List<IndexedTranscript> transcripts, boolean refresh) {
		StringBuilder body = new StringBuilder();
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
		if (n == 0) {
			return;
		}
		Request request = new Request("POST", "/_bulk");
		if (refresh) {
			request.addParameter("refresh", "true");
		}
		request.setEntity(new StringEntity(body.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
		JsonNode answer = perform(request);
		if (answer.path("errors").asBoolean(false)) {
			for (JsonNode item : answer.path("items")) {
				JsonNode error = item.path("index").path("error");
				if (!error.isMissingNode()) {
					throw new IllegalStateException("OpenSearch refused a turn of index " + index + ": "
							+ error.path("type").asString("") + ": " + error.path("reason").asString(""));
				}
			}
		}
	}

	/**
	 * Deletes the turns a query finds: their ids are searched in pages and deleted with the bulk API
	 * (delete-by-query lives in OpenSearch's reindex module, which a cluster may not load).
	 */
	private void deleteByQuery(ObjectNode query) {
		ObjectNode body = query.deepCopy();
		body.put("size", BULK).put("_source", false).put("track_total_hits", false);
		while (true) {
			JsonNode found = call("POST", "/" + alias() + "/_search", body).path("hits").path("hits");
			if (found.size() == 0) {
				return;
			}
			StringBuilder deletes = new StringBuilder();
			for (JsonNode hit : found) {
				ObjectNode action = json.createObjectNode();
				action.putObject("delete").put("_index", hit.path("_index").asString()).put("_id", hit.path("_id").asString());
				deletes.append(json.writeValueAsString(action)).append('\n');
			}
			Request request = new Request("POST", "/_bulk");
			request.addParameter("refresh", "true");
			request.setEntity(new StringEntity(deletes.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
			JsonNode answer = perform(request);
			if (answer.path("errors").asBoolean(false)) {
				throw new IllegalStateException("OpenSearch could not delete every turn asked for: " + answer.path("items"));
			}
		}
	}

	// ---- reads

	@Override
	public boolean isEmpty() {
		return count(json.createObjectNode()) == 0;
	}

	@Override
	public long turnCount(ProjectId project) {
		return count(termQuery(TurnFields.PROJECT, project.toString()));
	}

	private long count(ObjectNode query) {
		return call("POST", "/" + alias() + "/_count", query).path("count").asLong();
	}

	@Override
	public SearchResult search(SearchRequest request, CodeConstraints codes) {
		Query local = locator.parse(request.query());
		ObjectNode body = json.createObjectNode();
		body.set("query", query(request, codes));
		int size = page;
		body.put("size", size).put("track_total_hits", false);
		ArrayNode sort = body.putArray("sort");
		for (String field : List.of(TurnFields.DOCUMENT_NAME, TurnFields.TURN, TurnFields.DOCUMENT_ID)) {
			sort.addObject().put(field, "asc");
		}
		ArrayNode source = body.putArray("_source");
		for (String field : List.of(TurnFields.DOCUMENT, TurnFields.DOCUMENT_NAME, TurnFields.SPEAKER, TurnFields.TURN,
				TurnFields.TURN_START, TurnFields.CODINGS, TurnFields.TEXT_EN, TurnFields.TEXT_NO)) {
			source.add(field);
		}
		Map<String, DocumentCount> perDocument = new LinkedHashMap<>();
		List<KwicHit> rows = new ArrayList<>();
		int hits = 0;
		int turns = 0;
		String pit = openPointInTime();
		try {
			body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
			while (true) {
				JsonNode answer;
				try {
					answer = call("POST", "/_search", body);
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

	private void term(ArrayNode filter, String field, String value) {
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

	private static List<IndexedTranscript.CodedSpan> codings(JsonNode turn) {
		List<IndexedTranscript.CodedSpan> out = new ArrayList<>();
		for (JsonNode c : turn.path(TurnFields.CODINGS)) {
			out.add(new IndexedTranscript.CodedSpan(c.path("code").asLong(), c.path("start").asInt(),
					c.path("end").asInt()));
		}
		return out;
	}

	private String openPointInTime() {
		Request request = new Request("POST", "/" + alias() + "/_search/point_in_time");
		request.addParameter("keep_alive", KEEP_ALIVE);
		return perform(request).path("pit_id").asString();
	}

	private void closePointInTime(String pit) {
		try {
			ObjectNode body = json.createObjectNode();
			body.putArray("pit_id").add(pit);
			call("DELETE", "/_search/point_in_time", body);
		}
		catch (RuntimeException ex) {
			// it expires by itself after KEEP_ALIVE
			log.debug("A point in time could not be closed: {}", ex.getMessage());
		}
	}

	/** Every document the index holds, with its turn count and version, from a composite aggregation. */
	@Override
	public Map<DocumentId, IndexedDocument> documents() {
		Map<DocumentId, IndexedDocument> out = new HashMap<>();
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
		while (true) {
			JsonNode agg = call("POST", "/" + alias() + "/_search", body).path("aggregations").path("documents");
			for (JsonNode bucket : agg.path("buckets")) {
				JsonNode versions = bucket.path("versions").path("buckets");
				long version = versions.size() == 0 ? 0 : versions.get(0).path("key").asLong();
				if (versions.size() > 1) {
					version ^= 0x5bd1e995L; // turns of two versions: differs from both
				}
				out.put(new DocumentId(bucket.path("key").path("id").asLong()),
						new IndexedDocument(bucket.path("doc_count").asInt(), version));
			}
			JsonNode after = agg.path("after_key");
			if (agg.path("buckets").size() == 0 || after.isMissingNode()) {
				return out;
			}
			sources.set("after", after);
		}
	}

	// ---- the check of decision 010

	@Override
	public boolean needsCheck() {
		synchronized (state) {
			return unchecked;
		}
	}

	@Override
	public void checked() {
		synchronized (state) {
			unchecked = false;
		}
	}

	/**
	 * A change is promised. The cluster makes what it applied durable; what this process promised and
	 * has not applied is lost if the process dies, and for several web nodes that promise lives in the
	 * event publication registry, which replays it (decision 001).
	 */
	@Override
	public void expectChange() {
		synchronized (state) {
			expected++;
		}
	}

	@Override
	public void expectedChangeDone(boolean applied) {
		synchronized (state) {
			expected--;
			if (!applied) {
				unchecked = true;
			}
		}
	}

	/** Refreshes and flushes the index, so every change so far is visible and in its segments. */
	@Override
	public void commitAndRelease() {
		call("POST", "/" + alias() + "/_refresh", null);
		call("POST", "/" + alias() + "/_flush", null);
	}

	@Override
	public void close() throws IOException {
		client.close();
	}

	private void closeQuietly() {
		try {
			client.close();
		}
		catch (IOException ex) {
			log.debug("The OpenSearch client did not close cleanly: {}", ex.getMessage());
		}
	}

	// ---- indices and the alias

	/** The indices the alias points to (none before the first index is made). */
	List<String> aliasedIndices() {
		try {
			JsonNode answer = call("GET", "/_alias/" + alias(), null);
			List<String> out = new ArrayList<>();
			answer.propertyNames().forEach(out::add);
			return out;
		}
		catch (Refused ex) {
			if (ex.status == 404) {
				return List.of();
			}
			throw ex;
		}
	}

	/** Creates a new index of turns (with the alias when {@code aliased}) and returns its name. */
	private String createIndex(boolean aliased) {
		ObjectNode body = mapping.index(settings.shards(), settings.replicas());
		if (aliased) {
			body.putObject("aliases").putObject(alias());
		}
		for (long stamp = System.currentTimeMillis();; stamp++) {
			String name = alias() + "-" + stamp;
			try {
				call("PUT", "/" + name, body);
				return name;
			}
			catch (Refused ex) {
				if (ex.reason.contains("resource_already_exists_exception")) {
					continue;
				}
				if (ex.reason.contains(TurnMapping.NORWEGIAN_STEMMER)) {
					throw new IllegalStateException("The OpenSearch cluster at " + settings.urls()
							+ " has no token filter '" + TurnMapping.NORWEGIAN_STEMMER
							+ "': install Quire's analysis plugin on every node (docs/decisions/022-opensearch-engine.md); "
							+ "without it Norwegian searches would find other turns than Quire's own index finds",
							ex);
				}
				throw new IllegalStateException("OpenSearch refused to create the index " + name + ": " + ex.reason, ex);
			}
		}
	}

	private void deleteQuietly(String index) {
		try {
			call("DELETE", "/" + index, null);
		}
		catch (RuntimeException ex) {
			log.warn("The old search index {} could not be deleted: {}", index, ex.getMessage());
		}
	}

	// ---- HTTP

	private ObjectNode termQuery(String field, String value) {
		ObjectNode query = json.createObjectNode();
		query.putObject("query").putObject("term").put(field, value);
		return query;
	}

	private JsonNode call(String method, String path, @Nullable JsonNode body) {
		Request request = new Request(method, path);
		if (body != null) {
			request.setJsonEntity(json.writeValueAsString(body));
		}
		return perform(request);
	}

	private JsonNode perform(Request request) {
		try {
			Response response = client.performRequest(request);
			String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
			return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
		}
		catch (ResponseException ex) {
			int status = ex.getResponse().getStatusLine().getStatusCode();
			String text;
			try {
				text = ex.getResponse().getEntity() == null ? "" : EntityUtils.toString(ex.getResponse().getEntity());
			}
			catch (IOException | org.apache.hc.core5.http.ParseException inner) {
				text = ex.getMessage();
			}
			throw new Refused(status, reason(text), ex);
		}
		catch (IOException | org.apache.hc.core5.http.ParseException ex) {
			throw new UncheckedIOException(new IOException("the OpenSearch cluster at " + settings.urls()
					+ " did not answer " + request.getMethod() + " " + request.getEndpoint() + ": " + ex.getMessage(), ex));
		}
	}

	/** The type and reason of an OpenSearch error answer, or the answer itself. */
	private String reason(String text) {
		try {
			JsonNode error = json.readTree(text).path("error");
			JsonNode root = error.path("root_cause").path(0);
			JsonNode cause = root.isMissingNode() ? error : root;
			if (cause.has("type")) {
				return cause.path("type").asString() + ": " + cause.path("reason").asString("");
			}
		}
		catch (RuntimeException ex) {
			// not JSON: the text says it
		}
		return text;
	}

	/** OpenSearch answered with an error status. */
	private static final class Refused extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		final int status;

		final String reason;

		Refused(int status, String reason, Throwable cause) {
			super("OpenSearch answered " + status + ": " + reason, cause);
			this.status = status;
			this.reason = reason;
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
