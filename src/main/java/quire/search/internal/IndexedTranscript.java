package quire.search.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;

/**
 * A transcript with, per turn index, the ids of the codes whose codings overlap that turn and those
 * codings' ranges (so "hits inside a code" is answered from the index, without reading codings), and
 * the version of the document the index stores with every turn (see {@link #version}).
 */
public record IndexedTranscript(Transcript transcript, Map<Integer, Set<Long>> codesByTurn,
		Map<Integer, List<CodedSpan>> codingsByTurn, long version) {

	/** A coding's code and its range {@code [start, end)} in the document's text. */
	public record CodedSpan(long code, int start, int end) {
	}

	public IndexedTranscript {
		codesByTurn = Map.copyOf(codesByTurn);
		codingsByTurn = Map.copyOf(codingsByTurn);
	}

	/** Codes per turn with their ranges; the version is computed from the document and those ranges. */
	public IndexedTranscript(Transcript transcript, Map<Integer, Set<Long>> codesByTurn,
			Map<Integer, List<CodedSpan>> codingsByTurn) {
		this(transcript, codesByTurn, codingsByTurn,
				version(transcript.document(), codingsByTurn.values().stream().flatMap(List::stream).toList()));
	}

	/** Codes per turn without their ranges ("hits inside a code" then finds nothing in this transcript). */
	public IndexedTranscript(Transcript transcript, Map<Integer, Set<Long>> codesByTurn) {
		this(transcript, codesByTurn, Map.of());
	}

	Set<Long> codes(int turn) {
		return codesByTurn.getOrDefault(turn, Set.of());
	}

	List<CodedSpan> codings(int turn) {
		return codingsByTurn.getOrDefault(turn, List.of());
	}

	/**
	 * What the index holds of a document, as one number: everything a turn's Lucene document is made
	 * of but the text (which never changes after import): the document's id, project, name, group,
	 * language and turn count, and the distinct codings (code, start, end) it carries. Equal versions
	 * mean equal index contents, so the check after an unclean stop re-indexes a document only when
	 * its version in the index differs from the one the database gives (decision 010).
	 */
	public static long version(DocumentSummary document, Collection<CodedSpan> codings) {
		List<CodedSpan> sorted = new ArrayList<>(new java.util.HashSet<>(codings));
		sorted.sort(Comparator.comparingLong(CodedSpan::code).thenComparingInt(CodedSpan::start)
			.thenComparingInt(CodedSpan::end));
		MessageDigest digest = sha256();
		String head = document.id().value() + "\u0000" + document.projectId().value() + "\u0000" + document.name()
				+ "\u0000" + (document.group() == null ? "\u0001" : document.group()) + "\u0000"
				+ document.language().code() + "\u0000" + document.turnCount() + "\u0000";
		digest.update(head.getBytes(StandardCharsets.UTF_8));
		ByteBuffer span = ByteBuffer.allocate(16);
		for (CodedSpan c : sorted) {
			span.clear();
			span.putLong(c.code()).putInt(c.start()).putInt(c.end());
			digest.update(span.array());
		}
		return ByteBuffer.wrap(digest.digest()).getLong();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

}
