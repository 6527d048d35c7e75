package quire.search.internal;

import java.util.Map;
import java.util.Set;

import quire.corpus.Transcript;

/** A transcript with, per turn index, the ids of the codes whose codings overlap that turn. */
public record IndexedTranscript(Transcript transcript, Map<Integer, Set<Long>> codesByTurn) {

	public IndexedTranscript {
		codesByTurn = Map.copyOf(codesByTurn);
	}

	Set<Long> codes(int turn) {
		return codesByTurn.getOrDefault(turn, Set.of());
	}

}
