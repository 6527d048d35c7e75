package quire.search.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import quire.corpus.DocumentId;
import quire.project.ProjectId;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.internal.CodeConstraints;
import quire.search.internal.IndexedTranscript;
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
 * with its own parser ({@link HitLocator}, {@link TurnPages}), so rows, hit counts per document and
 * "hits inside a code" are exactly the embedded index's. The cost is one pass over the matching
 * turns' text, measured in docs/decisions/022-opensearch-engine.md.
 *
 * <p>
 * Every change is refreshed before it returns, so the next search sees it (as on the embedded
 * index); the cluster's translog makes it durable, so there is no crash marker. Changes from this
 * process are serialised, so a rebuild and a document update cannot interleave and lose the update
 * when the alias moves. A document's turns are written with their version and then the turns of other
 * versions are deleted: a search running between the two steps may see old turns beside new ones.
 */
public final class OpenSearchTurnEngine implements TurnEngine {

	/** Turns per page when a search streams the matching turns. */
	static final int PAGE = 1000;

	/** Turns per bulk request. */
	static final int BULK = 1000;

	/** Turns per page of a search ({@link #PAGE}; tests make it small so that a few turns span several pages). */
	volatile int page = PAGE;

	private final OpenSearchHttp http;

	private final TurnQueries queries;

	private final TurnIndices indices;

	private final TurnPages pages;

	private final ReentrantLock writeLock = new ReentrantLock();

	/** Guards the two fields below. */
	private final Object state = new Object();

	/** Not yet compared with the database since this process opened it, or a promised change failed. */
	private boolean unchecked;

	/** Changes promised by {@link #expectChange} and not yet applied. */
	private int expected;

	private OpenSearchTurnEngine(OpenSearchSettings settings) {
		JsonMapper json = JsonMapper.builder().build();
		this.http = new OpenSearchHttp(settings, json);
		this.queries = new TurnQueries(json);
		this.indices = new TurnIndices(settings, http, json);
		this.pages = new TurnPages(http, queries);
	}

	/**
	 * Connects to the cluster and creates the alias with its first index if there is none. The engine
	 * {@link #needsCheck() needs a check} against the database until {@link #checked()}.
	 * @throws IllegalStateException if the cluster cannot be reached or lacks Quire's analysis plugin
	 */
	public static OpenSearchTurnEngine open(OpenSearchSettings settings) {
		OpenSearchTurnEngine engine = new OpenSearchTurnEngine(settings);
		try {
			if (engine.indices.aliased().isEmpty()) {
				engine.indices.create(true);
			}
			// A change promised by a Quire process that died before applying it is not in the cluster, and the
			// event that asked for it is done: every start compares the index with the database (decision 022).
			engine.unchecked = true;
		}
		catch (RuntimeException ex) {
			engine.http.closeQuietly();
			throw ex;
		}
		return engine;
	}

	/** The alias searches use. */
	public String alias() {
		return indices.alias();
	}

	/** The indices the alias points to (none before the first index is made). */
	List<String> aliasedIndices() {
		return indices.aliased();
	}

	// ---- changes

	/**
	 * Writes a document's turns at their version and deletes its turns of other versions, unless the index
	 * already holds exactly this version with every turn. The version is a digest of everything the turns
	 * are made of ({@link IndexedTranscript#version}), so such a write would change nothing: it is the
	 * replay of an event whose index write was done before a node died and left the publication
	 * incomplete, or a second node's start-up check repeating the first one's. Skipping it makes each
	 * change reach the cluster once (the index's write counters show it), not merely harmlessly twice.
	 */
	@Override
	public void replaceDocument(IndexedTranscript indexed) {
		write(() -> {
			String document = indexed.transcript().document().id().toString();
			if (holds(document, indexed.version(), indexed.transcript().turns().size())) {
				return;
			}
			bulk(alias(), List.of(indexed), true);
			deleteByQuery(queries.otherVersions(document, indexed.version()));
		});
	}

	/** Whether the index holds {@code turns} turns of the document, all at {@code version}, and no others. */
	private boolean holds(String document, long version, int turns) {
		if (turns == 0) {
			return false;
		}
		JsonNode answer = http.call("POST", "/" + alias() + "/_search", queries.versionsOf(document));
		JsonNode buckets = answer.path("aggregations").path("versions").path("buckets");
		return answer.path("hits").path("total").path("value").asLong() == turns && buckets.size() == 1
				&& buckets.get(0).path("key").asLong() == version && buckets.get(0).path("doc_count").asLong() == turns;
	}

	@Override
	public void deleteDocument(DocumentId id) {
		write(() -> deleteByQuery(queries.termQuery(TurnFields.DOCUMENT, id.toString())));
	}

	@Override
	public void deleteProject(ProjectId id) {
		write(() -> deleteByQuery(queries.termQuery(TurnFields.PROJECT, id.toString())));
	}

	/**
	 * Writes every transcript into a new index, refreshes it and moves the alias to it in one step; the
	 * old index answers searches until then and is deleted after.
	 */
	@Override
	public void rebuild(Iterable<IndexedTranscript> all) {
		write(() -> {
			List<String> old = indices.aliased();
			String fresh = indices.create(false);
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
				indices.refresh(fresh);
				indices.switchAlias(old, fresh);
			}
			catch (RuntimeException ex) {
				indices.deleteQuietly(fresh);
				throw ex;
			}
			for (String index : old) {
				indices.deleteQuietly(index);
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
		if (queries.indexActions(body, index, transcripts) == 0) {
			return;
		}
		JsonNode answer = http.bulk(body, refresh);
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
			JsonNode found = http.call("POST", "/" + alias() + "/_search", body).path("hits").path("hits");
			if (found.size() == 0) {
				return;
			}
			StringBuilder deletes = new StringBuilder();
			for (JsonNode hit : found) {
				queries.deleteAction(deletes, hit.path("_index").asString(), hit.path("_id").asString());
			}
			JsonNode answer = http.bulk(deletes, true);
			if (answer.path("errors").asBoolean(false)) {
				throw new IllegalStateException("OpenSearch could not delete every turn asked for: " + answer.path("items"));
			}
		}
	}

	// ---- reads

	@Override
	public boolean isEmpty() {
		return count(queries.object()) == 0;
	}

	@Override
	public long turnCount(ProjectId project) {
		return count(queries.termQuery(TurnFields.PROJECT, project.toString()));
	}

	private long count(ObjectNode query) {
		return http.call("POST", "/" + alias() + "/_count", query).path("count").asLong();
	}

	@Override
	public SearchResult search(SearchRequest request, CodeConstraints codes) {
		return pages.search(alias(), request, codes, page);
	}

	/** Every document the index holds, with its turn count and version, from a composite aggregation. */
	@Override
	public Map<DocumentId, IndexedDocument> documents() {
		Map<DocumentId, IndexedDocument> out = new HashMap<>();
		ObjectNode body = queries.documents();
		ObjectNode composite = (ObjectNode) body.path("aggs").path("documents").path("composite");
		while (true) {
			JsonNode agg = http.call("POST", "/" + alias() + "/_search", body).path("aggregations").path("documents");
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
			composite.set("after", after);
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
		indices.refresh(alias());
		indices.flush(alias());
	}

	@Override
	public void close() throws IOException {
		http.close();
	}

}
