package quire.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The one rule for what counts as one coded passage: codings in the same speaker turn of a document
 * whose spans overlap are one passage, whoever coded them and with whichever code. So a passage two
 * coders both coded for reliability counts once, not twice. Used by {@link RetrievalService#passages}
 * and by every count of coded passages: the framework matrix, co-occurrence, joint displays and the
 * quantitizing export.
 */
public final class Passages {

	/**
	 * Groups items into passages, in document and position order.
	 * @param turn the item's speaker turn in its document (-1 when it lies outside every turn)
	 */
	static <T> List<List<T>> group(List<T> items, ToLongFunction<T> document, ToIntFunction<T> turn,
			ToIntFunction<T> start, ToIntFunction<T> end) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparingLong(document).thenComparingInt(start).thenComparingInt(end));
		List<List<T>> out = new ArrayList<>();
		List<T> passage = new ArrayList<>();
		int passageTurn = -2;
		int passageEnd = -1;
		for (T item : sorted) {
			boolean joins = !passage.isEmpty() && document.applyAsLong(passage.get(0)) == document.applyAsLong(item)
					&& passageTurn == turn.applyAsInt(item) && start.applyAsInt(item) < passageEnd;
			if (!joins && !passage.isEmpty()) {
				out.add(passage);
				passage = new ArrayList<>();
			}
			if (passage.isEmpty()) {
				passageTurn = turn.applyAsInt(item);
				passageEnd = end.applyAsInt(item);
			}
			passage.add(item);
			passageEnd = Math.max(passageEnd, end.applyAsInt(item));
		}
		if (!passage.isEmpty()) {
			out.add(passage);
		}
		return out;
	}

	/** The coded segments grouped into passages, in document and position order. */
	public static List<List<CodedSegment>> of(List<CodedSegment> segments) {
		return group(segments, s -> s.coding().documentId().value(), CodedSegment::turnIndex, s -> s.coding().start(),
				s -> s.coding().end());
	}

	/** How many passages the coded segments make. */
	public static int count(List<CodedSegment> segments) {
		return of(segments).size();
	}

	private Passages() {
	}

}
