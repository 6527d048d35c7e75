package quire.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import quire.corpus.DocumentId;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.DocumentHits;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/**
 * The Lucene index of speaker turns: one Lucene document per turn, carrying project, document,
 * group, speaker and language as keyword fields and the turn's words in a per-language text field
 * with offsets, so hits are located without re-analysis. A document's turns are replaced
 * atomically; searches see committed changes at once (near-real-time searcher). Thread-safe.
 */
public final class TurnIndex implements Closeable {

	/** Characters of context either side of a hit in a keyword-in-context row. */
	static final int CONTEXT = 60;

	private static final FieldType TEXT_TYPE = textType();

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final QueryFactory queries;

	private final ReentrantLock writeLock = new ReentrantLock();

	private TurnIndex(Directory directory) throws IOException {
		Analyzer analyzer = QueryFactory.perLanguageAnalyzer();
		this.directory = directory;
		this.writer = new IndexWriter(directory,
				new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		this.searchers = new SearcherManager(writer, null);
		this.queries = new QueryFactory(analyzer);
	}

	/** Opens (or creates) the index in a folder. */
	public static TurnIndex open(Path folder) throws IOException {
		return new TurnIndex(FSDirectory.open(folder));
	}

	/** Opens (or creates) the index in any Lucene directory, e.g. in memory for tests. */
	public static TurnIndex open(Directory directory) throws IOException {
		return new TurnIndex(directory);
	}

	/** Indexes a transcript's turns without codes, replacing any earlier version of the document. */
	public void replaceDocument(Transcript transcript) {
		replaceDocument(new IndexedTranscript(transcript, Map.of()));
	}

	/** Indexes a transcript's turns with their codes, replacing any earlier version of the document in one step. */
	public void replaceDocument(IndexedTranscript indexed) {
		Transcript transcript = indexed.transcript();
		List<Document> docs = new ArrayList<>(transcript.turns().size());
		for (Turn turn : transcript.turns()) {
			docs.add(toLucene(transcript, turn, indexed.codes(turn.index())));
		}
		update(() -> writer.updateDocuments(documentTerm(transcript.document().id()), docs));
	}

	public void deleteDocument(DocumentId id) {
		update(() -> writer.deleteDocuments(documentTerm(id)));
	}

	public void deleteProject(ProjectId id) {
		update(() -> writer.deleteDocuments(new Term(TurnFields.PROJECT, id.toString())));
	}

	/** Replaces the whole index with the given transcripts, in one commit. */
	public void rebuild(Iterable<IndexedTranscript> all) {
		update(() -> {
			writer.deleteAll();
			for (IndexedTranscript t : all) {
				for (Turn turn : t.transcript().turns()) {
					writer.addDocument(toLucene(t.transcript(), turn, t.codes(turn.index())));
				}
			}
		});
	}

	public boolean isEmpty() {
		return read(searcher -> searcher.getIndexReader().numDocs() == 0);
	}

	/** The number of indexed turns of a project. */
	public long turnCount(ProjectId project) {
		return read(searcher -> (long) searcher.count(new TermQuery(new Term(TurnFields.PROJECT, project.toString()))));
	}

	/**
	 * Runs a search: keyword-in-context rows in document-name and turn order, capped at
	 * {@code maxHits}, with complete counts.
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	public SearchResult search(SearchRequest request) {
		return search(request, CodeConstraints.NONE);
	}

	/**
	 * Runs a search with code constraints (already expanded to code ids with their sub-codes).
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	public SearchResult search(SearchRequest request, CodeConstraints codes) {
		Query text = queries.parse(request.query());
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term(TurnFields.PROJECT, request.project().toString())), Occur.FILTER);
		if (request.group() != null) {
			query.add(new TermQuery(new Term(TurnFields.GROUP, request.group())), Occur.FILTER);
		}
		if (request.document() != null) {
			query.add(new TermQuery(documentTerm(request.document())), Occur.FILTER);
		}
		if (request.speaker() != null) {
			query.add(new TermQuery(new Term(TurnFields.SPEAKER, request.speaker())), Occur.FILTER);
		}
		for (Set<Long> anyOf : codes.codedWithAll()) {
			query.add(anyCode(anyOf), Occur.FILTER);
		}
		if (!codes.notCodedWith().isEmpty()) {
			query.add(anyCode(codes.notCodedWith()), Occur.MUST_NOT);
		}
		try {
			return read(searcher -> collect(searcher, query.build(), request.maxHits(), codes));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw new IllegalArgumentException("cannot run the query '" + request.query()
					+ "': too many words match; make the wildcard or fuzzy term more specific", ex);
		}
	}

	private static Query anyCode(Set<Long> ids) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		if (ids.isEmpty()) {
			// a code with no id cannot match: an empty set means "coded with nothing", which no turn is
			any.add(new TermQuery(new Term(TurnFields.CODE, "none")), Occur.SHOULD);
		}
		for (Long id : ids) {
			any.add(new TermQuery(new Term(TurnFields.CODE, id.toString())), Occur.SHOULD);
		}
		return any.build();
	}

	private SearchResult collect(IndexSearcher searcher, Query query, int maxHits, CodeConstraints codes)
			throws IOException {
		int total = searcher.count(query);
		if (total == 0) {
			return new SearchResult(List.of(), List.of(), 0, 0, false);
		}
		Sort order = new Sort(new SortField(TurnFields.DOCUMENT_NAME, SortField.Type.STRING),
				new SortField(TurnFields.TURN, SortField.Type.INT));
		ScoreDoc[] docs = searcher.search(query, total, order).scoreDocs;
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		StoredFields stored = searcher.storedFields();
		List<KwicHit> rows = new ArrayList<>();
		Map<DocumentId, int[]> counts = new LinkedHashMap<>();
		Map<DocumentId, String> names = new LinkedHashMap<>();
		int hits = 0;
		int turnsWithHits = 0;
		for (ScoreDoc sd : docs) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
			List<int[]> spans = spans(weight.matches(leaf, sd.doc - leaf.docBase));
			if (spans.isEmpty()) {
				continue;
			}
			Document doc = stored.document(sd.doc);
			DocumentId id = new DocumentId(Long.parseLong(doc.get(TurnFields.DOCUMENT)));
			if (codes.within() != null) {
				int turnStart = doc.getField(TurnFields.TURN_START).numericValue().intValue();
				List<int[]> ranges = codes.within().getOrDefault(id, List.of());
				spans.removeIf(span -> ranges.stream()
					.noneMatch(r -> r[0] <= turnStart + span[0] && turnStart + span[1] <= r[1]));
				if (spans.isEmpty()) {
					continue;
				}
			}
			String name = doc.get(TurnFields.DOCUMENT_NAME);
			names.putIfAbsent(id, name);
			turnsWithHits++;
			counts.computeIfAbsent(id, k -> new int[1])[0] += spans.size();
			hits += spans.size();
			if (rows.size() < maxHits) {
				String words = textOf(doc);
				int turnStart = doc.getField(TurnFields.TURN_START).numericValue().intValue();
				int turnIndex = doc.getField(TurnFields.TURN).numericValue().intValue();
				String speaker = doc.get(TurnFields.SPEAKER);
				for (int[] span : spans) {
					if (rows.size() == maxHits) {
						break;
					}
					rows.add(new KwicHit(id, name, turnIndex, speaker, turnStart + span[0], turnStart + span[1],
							left(words, span[0]), words.substring(span[0], span[1]), right(words, span[1])));
				}
			}
		}
		List<DocumentHits> perDocument = new ArrayList<>();
		counts.forEach((id, n) -> perDocument.add(new DocumentHits(id, names.get(id), n[0])));
		perDocument.sort(Comparator.comparing(DocumentHits::documentName, String.CASE_INSENSITIVE_ORDER));
		return new SearchResult(rows, perDocument, hits, turnsWithHits, rows.size() < hits);
	}

	/** Hit spans {@code [start, end)} in the turn's text, in order, without overlaps. */
	private static List<int[]> spans(Matches matches) throws IOException {
		List<int[]> spans = new ArrayList<>();
		if (matches == null) {
			return spans;
		}
		for (String field : TurnFields.TEXT_FIELDS) {
			MatchesIterator it = matches.getMatches(field);
			while (it != null && it.next()) {
				if (it.startOffset() >= 0 && it.endOffset() > it.startOffset()) {
					spans.add(new int[] { it.startOffset(), it.endOffset() });
				}
			}
		}
		spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
		List<int[]> merged = new ArrayList<>();
		for (int[] s : spans) {
			if (merged.isEmpty() || s[0] >= merged.get(merged.size() - 1)[1]) {
				merged.add(s);
			}
		}
		return merged;
	}

	static String left(String text, int hitStart) {
		int from = Math.max(0, hitStart - CONTEXT);
		boolean cut = from > 0;
		if (cut) {
			int space = text.indexOf(' ', from);
			if (space >= 0 && space < hitStart) {
				from = space + 1;
			}
		}
		String s = collapse(text.substring(from, hitStart));
		return cut ? "…" + s.stripLeading() : s;
	}

	static String right(String text, int hitEnd) {
		int to = Math.min(text.length(), hitEnd + CONTEXT);
		boolean cut = to < text.length();
		if (cut) {
			int space = text.lastIndexOf(' ', to);
			if (space > hitEnd) {
				to = space;
			}
		}
		String s = collapse(text.substring(hitEnd, to));
		return cut ? s.stripTrailing() + "…" : s;
	}

	private static String collapse(String s) {
		return s.replaceAll("\\s+", " ");
	}

	private static String textOf(Document doc) {
		String en = doc.get(TurnFields.TEXT_EN);
		return en != null ? en : doc.get(TurnFields.TEXT_NO);
	}

	private static Document toLucene(Transcript t, Turn turn, Set<Long> codes) {
		var d = t.document();
		Document doc = new Document();
		doc.add(new StringField(TurnFields.PROJECT, d.projectId().toString(), Field.Store.NO));
		doc.add(new StringField(TurnFields.DOCUMENT, d.id().toString(), Field.Store.YES));
		doc.add(new StoredField(TurnFields.DOCUMENT_NAME, d.name()));
		doc.add(new SortedDocValuesField(TurnFields.DOCUMENT_NAME, new BytesRef(d.name())));
		if (d.group() != null) {
			doc.add(new StringField(TurnFields.GROUP, d.group(), Field.Store.NO));
		}
		if (turn.speaker() != null) {
			doc.add(new StringField(TurnFields.SPEAKER, turn.speaker(), Field.Store.YES));
		}
		doc.add(new StringField(TurnFields.LANGUAGE, d.language().code(), Field.Store.NO));
		doc.add(new StoredField(TurnFields.TURN, turn.index()));
		doc.add(new NumericDocValuesField(TurnFields.TURN, turn.index()));
		doc.add(new StoredField(TurnFields.TURN_START, turn.start()));
		for (Long code : codes) {
			doc.add(new StringField(TurnFields.CODE, code.toString(), Field.Store.NO));
		}
		String field = d.language() == Language.NORWEGIAN ? TurnFields.TEXT_NO : TurnFields.TEXT_EN;
		doc.add(new Field(field, t.turnText(turn), TEXT_TYPE));
		return doc;
	}

	private static Term documentTerm(DocumentId id) {
		return new Term(TurnFields.DOCUMENT, id.toString());
	}

	private static FieldType textType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setStored(true);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private interface IndexChange {

		void apply() throws IOException;

	}

	private interface SearcherFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/**
	 * Applies one change and commits it. Changes are serialised, so a full rebuild and a document
	 * update arriving at the same time (start-up rebuild while an import event is handled) cannot
	 * interleave and leave a document's turns twice.
	 */
	private void update(IndexChange change) {
		writeLock.lock();
		try {
			change.apply();
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be updated: " + ex.getMessage(), ex);
		}
		finally {
			writeLock.unlock();
		}
	}

	private <T> T read(SearcherFunction<T> function) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return function.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

}
