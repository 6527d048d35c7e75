package quire.fidelity;

import org.jspecify.annotations.Nullable;

/**
 * One utterance of a session's coded segment: a speaker turn, or part of a counsellor's turn the coder
 * split off. Only counsellor utterances are coded; client utterances are shown for context.
 */
public record Utterance(int index, int turnIndex, @Nullable String speaker, boolean counsellor, int start, int end,
		String text) {
}
