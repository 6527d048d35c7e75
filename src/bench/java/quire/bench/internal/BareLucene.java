package quire.bench.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

import quire.corpus.Language;
import quire.search.TextAnalysis;

/**
 * The engine's own limit: a bare Lucene {@link IndexWriter} with Quire's analyzers and the same text
 * field options (stored, positions and offsets), one Lucene document per turn, fed straight from the
 * files, and top-100 searches with exact totals that load the 100 stored texts. No database, no
 * events, no KWIC.
 */
public final class BareLucene implements Closeable {

	private static final String EN = "text_en";

	private static final String NO = "text_no";

	private final FSDirectory directory;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final Analyzer analyzer;

	/** What indexing took. */
	public record Indexing(long bytes, long turns, double seconds, long indexBytes) {
	}

	private BareLucene(FSDirectory directory, Analyzer analyzer) throws IOException {
		this.directory = directory;
		this.analyzer = analyzer;
		this.reader = DirectoryReader.open(directory);
		this.searcher = new IndexSearcher(reader);
	}

	private static Analyzer analyzer() {
		return new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
				Map.of(EN, TextAnalysis.analyzer(Language.ENGLISH), NO, TextAnalysis.analyzer(Language.NORWEGIAN)));
	}

	/** Indexes the corpus into {@code folder} (emptied first) and opens it for searching. */
	public static BareLucene index(CorpusManifest corpus, Path folder, Indexing[] result) throws IOException {
		FieldType text = new FieldType();
		text.setTokenized(true);
		text.setStored(true);
		text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		text.freeze();
		Analyzer analyzer = analyzer();
		FSDirectory directory = FSDirectory.open(folder);
		long bytes = 0;
		long turns = 0;
		long start = System.nanoTime();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
			for (CorpusManifest.Entry e : corpus.files()) {
				byte[] content = Files.readAllBytes(corpus.root().resolve(e.path()));
				bytes += content.length;
				String field = e.language() == Language.NORWEGIAN ? NO : EN;
				for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
					int close = line.indexOf("] ");
					int colon = close < 0 ? -1 : line.indexOf(": ", close);
					if (colon < 0) {
						continue;
					}
					Document doc = new Document();
					doc.add(new StringField("document", e.path(), Field.Store.YES));
					doc.add(new StringField("group", e.group(), Field.Store.NO));
					doc.add(new StringField("speaker", line.substring(close + 2, colon), Field.Store.YES));
					doc.add(new Field(field, line.substring(colon + 2), text));
					writer.addDocument(doc);
					turns++;
				}
			}
			writer.commit();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long size = 0;
		for (String f : directory.listAll()) {
			size += directory.fileLength(f);
		}
		result[0] = new Indexing(bytes, turns, seconds, size);
		return new BareLucene(directory, analyzer);
	}

	/** Top 100 by score with the exact number of matching turns; loads the 100 stored texts. */
	public long search(BenchQuery q, String filter) throws IOException {
		MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] { EN, NO }, analyzer);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		parser.setSplitOnWhitespace(true);
		Query text;
		try {
			text = parser.parse(q.quire());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the bench query " + q.quire() + " does not parse", ex);
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
		if (filter.equals("group")) {
			query.add(new TermQuery(new Term("group", q.group())), Occur.FILTER);
		}
		else if (filter.equals("speaker")) {
			query.add(new TermQuery(new Term("speaker", q.speaker())), Occur.FILTER);
		}
		TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(100, Integer.MAX_VALUE));
		StoredFields stored = searcher.storedFields();
		List<String> texts = new ArrayList<>();
		for (ScoreDoc sd : top.scoreDocs) {
			Document d = stored.document(sd.doc);
			texts.add(d.get(EN) != null ? d.get(EN) : d.get(NO));
		}
		return top.totalHits.value() + texts.size() * 0L;
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
		analyzer.close();
	}

}
