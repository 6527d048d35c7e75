package quire.coding;

import java.time.Instant;
import java.util.List;

/**
 * What {@link CodingService#remove} took away: the coding and the memos written on it, kept so
 * that an undo can put both back as they were (same ids, offsets, coder and memo texts).
 */
public record RemovedCoding(Coding coding, List<RemovedMemo> memos) {

	public RemovedCoding {
		memos = List.copyOf(memos);
	}

	/** One memo on the removed coding, as stored. */
	public record RemovedMemo(long id, long projectId, String author, String title, String body, Instant createdAt,
			Instant updatedAt) {
	}

}
