package quire.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import quire.corpus.Transcript;

/**
 * A transcript with, per turn index, the ids of the codes whose codings overlap that turn and those
 * codings' ranges (so "hits inside a code" is answered from the index, without reading codings).
 */
public record IndexedTranscript(Transcript transcript, Map<Integer, Set<Long>> codesByTurn,
		Map<Integer, List<CodedSpan>> codingsByTurn) {

	/** A coding's code and its range {@code [start, end)} in the document's text. */
	public record CodedSpan(long code, int start, int end) {
	}

	public IndexedTranscript {
		codesByTurn = Map.copyOf(codesByTurn);
		codingsByTurn = Map.copyOf(codingsByTurn);
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

}
