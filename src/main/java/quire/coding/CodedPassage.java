package quire.coding;

import java.util.List;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;

/**
 * One passage of a document: the codings of one speaker turn whose spans overlap, merged into their
 * union {@code [start, end)}, with every coding it stands for (so the coders and codes that marked it
 * can be listed) and its text with context either side.
 */
public record CodedPassage(DocumentId documentId, String documentName, @Nullable String group, int turnIndex,
		@Nullable String speaker, int start, int end, String before, String text, String after, List<Coding> codings,
		List<String> codePaths) {

	public CodedPassage {
		codings = List.copyOf(codings);
		codePaths = List.copyOf(codePaths);
	}

	/** The coders who coded (part of) this passage, in name order, each once. */
	public List<String> coders() {
		return codings.stream().map(Coding::coder).distinct().sorted().toList();
	}

}
