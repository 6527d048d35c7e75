package quire.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;

/**
 * A speaker turn as a Lucene document ({@link TurnFields}) and back: project, document, group,
 * speaker and language as keyword fields, the turn's words in a per-language text field with offsets
 * (so hits are located without re-analysis), and doc values for what a search counts and sorts by
 * (document id and name, turn, turn start, version) and for the coded ranges ("hits inside a code").
 */
final class TurnDocuments {

	private static final FieldType TEXT_TYPE = textType();

	private TurnDocuments() {
	}

	/** The Lucene documents of a transcript's turns, in turn order. */
	static List<Document> of(IndexedTranscript indexed) {
		List<Document> docs = new ArrayList<>(indexed.transcript().turns().size());
		for (Turn turn : indexed.transcript().turns()) {
			docs.add(toLucene(indexed, turn));
		}
		return docs;
	}

	/** The Lucene document of one turn. */
	static Document toLucene(IndexedTranscript indexed, Turn turn) {
		Transcript t = indexed.transcript();
		Set<Long> codes = indexed.codes(turn.index());
		List<IndexedTranscript.CodedSpan> codings = indexed.codings(turn.index());
		var d = t.document();
		Document doc = new Document();
		doc.add(new StringField(TurnFields.PROJECT, d.projectId().toString(), Field.Store.NO));
		doc.add(new StringField(TurnFields.DOCUMENT, d.id().toString(), Field.Store.YES));
		doc.add(new NumericDocValuesField(TurnFields.DOCUMENT_ID, d.id().value()));
		doc.add(new NumericDocValuesField(TurnFields.VERSION, indexed.version()));
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
		doc.add(new NumericDocValuesField(TurnFields.TURN_START, turn.start()));
		for (Long code : codes) {
			doc.add(new StringField(TurnFields.CODE, code.toString(), Field.Store.NO));
		}
		if (!codings.isEmpty()) {
			doc.add(new BinaryDocValuesField(TurnFields.CODINGS, encode(codings)));
		}
		String field = d.language() == Language.NORWEGIAN ? TurnFields.TEXT_NO : TurnFields.TEXT_EN;
		doc.add(new Field(field, t.turnText(turn), TEXT_TYPE));
		return doc;
	}

	/** The term every turn of a document carries (to replace or delete them together). */
	static Term documentTerm(DocumentId id) {
		return new Term(TurnFields.DOCUMENT, id.toString());
	}

	/** What a keyword-in-context row shows of a turn, read from its stored fields. */
	record StoredTurn(DocumentId document, String documentName, @Nullable String speaker, int turnStart, String text) {

		static StoredTurn of(Document doc) {
			String en = doc.get(TurnFields.TEXT_EN);
			return new StoredTurn(new DocumentId(Long.parseLong(doc.get(TurnFields.DOCUMENT))),
					doc.get(TurnFields.DOCUMENT_NAME), doc.get(TurnFields.SPEAKER),
					doc.getField(TurnFields.TURN_START).numericValue().intValue(),
					en != null ? en : doc.get(TurnFields.TEXT_NO));
		}

	}

	/** Every document the index holds, with its turn count and version, read from doc values. */
	static Map<DocumentId, TurnEngine.IndexedDocument> held(IndexSearcher searcher) throws IOException {
		Map<Long, long[]> found = new HashMap<>();
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			NumericDocValues ids = DocValues.getNumeric(leaf.reader(), TurnFields.DOCUMENT_ID);
			NumericDocValues versions = DocValues.getNumeric(leaf.reader(), TurnFields.VERSION);
			var live = leaf.reader().getLiveDocs();
			for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
				if (live != null && !live.get(doc)) {
					continue;
				}
				long version = versions.advanceExact(doc) ? versions.longValue() : 0;
				long[] d = found.computeIfAbsent(ids.longValue(), k -> new long[] { 0, version });
				d[0]++;
				if (d[1] != version) {
					d[1] = version ^ 0x5bd1e995L; // turns of two versions: differs from both
				}
			}
		}
		Map<DocumentId, TurnEngine.IndexedDocument> out = new HashMap<>(found.size() * 2);
		found.forEach((id, d) -> out.put(new DocumentId(id), new TurnEngine.IndexedDocument((int) d[0], d[1])));
		return out;
	}

	/** The codings stored with a turn: (code, start, end) triples in document offsets. */
	static List<IndexedTranscript.CodedSpan> codings(LeafReaderContext leaf, int doc) throws IOException {
		return codings(leaf.reader().getBinaryDocValues(TurnFields.CODINGS), doc);
	}

	/** The codings of a turn from a segment's iterator, which must not have passed {@code doc}. */
	static List<IndexedTranscript.CodedSpan> codings(@Nullable BinaryDocValues values, int doc) throws IOException {
		if (values == null || !values.advanceExact(doc)) {
			return List.of();
		}
		BytesRef bytes = values.binaryValue();
		ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
		List<IndexedTranscript.CodedSpan> out = new ArrayList<>();
		while (!in.eof()) {
			long code = in.readVLong();
			int start = in.readVInt();
			out.add(new IndexedTranscript.CodedSpan(code, start, start + in.readVInt()));
		}
		return out;
	}

	private static BytesRef encode(List<IndexedTranscript.CodedSpan> codings) {
		byte[] buffer = new byte[codings.size() * 19];
		ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
		try {
			for (IndexedTranscript.CodedSpan c : codings) {
				out.writeVLong(c.code());
				out.writeVInt(c.start());
				out.writeVInt(c.end() - c.start());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot happen: writing to a byte array", ex);
		}
		return new BytesRef(buffer, 0, out.getPosition());
	}

	private static FieldType textType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setStored(true);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

}
