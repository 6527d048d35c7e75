package quire.coding.internal.qdc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole REFI-QDA codebook: the tool it came from, the code tree and the sets of codes. Construction checks what
 * makes a codebook consistent, so that a codebook in hand can always be written and read back: GUIDs are unique
 * across codes and sets, every set member is a code of this codebook, and there are at most
 * {@value QdcValues#MAX_CODES} codes nested at most {@value QdcValues#MAX_CODE_DEPTH} deep.
 *
 * @param origin the tool that wrote the file ({@code origin} attribute), empty when unknown
 * @param codes the top-level codes, in file order
 * @param sets the sets of codes, in file order
 */
public record QdcCodebook(String origin, List<QdcCode> codes, List<QdcSet> sets) {

	public QdcCodebook {
		Objects.requireNonNull(origin, "origin");
		origin = QdcValues.line(origin, "origin");
		codes = List.copyOf(codes);
		sets = List.copyOf(sets);
		Set<String> guids = new HashSet<>();
		int count = 0;
		Deque<Level> pending = new ArrayDeque<>();
		pending.push(new Level(codes, 1));
		while (!pending.isEmpty()) {
			Level level = pending.pop();
			for (QdcCode code : level.codes()) {
				if (++count > QdcValues.MAX_CODES) {
					throw new IllegalArgumentException("more than " + QdcValues.MAX_CODES + " codes");
				}
				if (level.depth() > QdcValues.MAX_CODE_DEPTH) {
					throw new IllegalArgumentException("code '" + code.name() + "' is nested deeper than "
							+ QdcValues.MAX_CODE_DEPTH + " levels");
				}
				if (!guids.add(code.guid())) {
					throw new IllegalArgumentException("duplicate GUID " + code.guid() + " (code '" + code.name() + "')");
				}
				pending.push(new Level(code.children(), level.depth() + 1));
			}
		}
		Set<String> codeGuids = Set.copyOf(guids);
		for (QdcSet set : sets) {
			if (!guids.add(set.guid())) {
				throw new IllegalArgumentException("duplicate GUID " + set.guid() + " (set '" + set.name() + "')");
			}
			for (String member : set.memberCodeGuids()) {
				if (!codeGuids.contains(member)) {
					throw new IllegalArgumentException(
							"set '" + set.name() + "' refers to unknown code " + member);
				}
			}
		}
	}

	/** Every code of the tree, parents before their children, in file order. */
	public List<QdcCode> allCodes() {
		List<QdcCode> all = new ArrayList<>();
		Deque<QdcCode> pending = new ArrayDeque<>();
		for (int i = codes.size() - 1; i >= 0; i--) {
			pending.push(codes.get(i));
		}
		while (!pending.isEmpty()) {
			QdcCode code = pending.pop();
			all.add(code);
			for (int i = code.children().size() - 1; i >= 0; i--) {
				pending.push(code.children().get(i));
			}
		}
		return all;
	}

	private record Level(List<QdcCode> codes, int depth) {
	}
}
