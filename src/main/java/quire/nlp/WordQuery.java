package quire.nlp;

import org.jspecify.annotations.Nullable;

import quire.coding.CodeId;
import quire.corpus.DocumentId;
import quire.corpus.Strand;
import quire.project.ProjectId;

/**
 * Which words to count: a project, narrowed to a document group, a document, a speaker or the text
 * coded with a code (and its sub-codes); words shorter than {@code minLength} are left out; the
 * {@code top} most frequent are returned. When no document is chosen only the documents of {@code
 * strand} are counted ({@code null}: every document, all strands pooled), so counsellor talk in the MI
 * sessions does not enter a figure about the focus groups unless a researcher asks for it.
 */
public record WordQuery(ProjectId project, @Nullable String group, @Nullable DocumentId document, @Nullable String speaker,
		@Nullable CodeId code, int minLength, int top, @Nullable Strand strand) {

	/** The strand counted unless a researcher chooses another: the focus groups and interviews. */
	public static final Strand DEFAULT_STRAND = Strand.QUALITATIVE;

	public WordQuery {
		if (minLength < 1) {
			throw new IllegalArgumentException("the minimum word length must be at least 1, was " + minLength);
		}
		if (top < 1 || top > 10_000) {
			throw new IllegalArgumentException("top must be between 1 and 10000, was " + top);
		}
	}

	/** The project's {@link #DEFAULT_STRAND}, words of 3 letters or more, the 50 most frequent. */
	public static WordQuery project(ProjectId project) {
		return new WordQuery(project, null, null, null, null, 3, 50, DEFAULT_STRAND);
	}

	public WordQuery withGroup(@Nullable String g) {
		return new WordQuery(project, g, document, speaker, code, minLength, top, strand);
	}

	public WordQuery withDocument(@Nullable DocumentId d) {
		return new WordQuery(project, group, d, speaker, code, minLength, top, strand);
	}

	public WordQuery withSpeaker(@Nullable String s) {
		return new WordQuery(project, group, document, s, code, minLength, top, strand);
	}

	public WordQuery withCode(@Nullable CodeId c) {
		return new WordQuery(project, group, document, speaker, c, minLength, top, strand);
	}

	public WordQuery withMinLength(int n) {
		return new WordQuery(project, group, document, speaker, code, n, top, strand);
	}

	public WordQuery withTop(int n) {
		return new WordQuery(project, group, document, speaker, code, minLength, n, strand);
	}

	/** Counts the documents of a strand when no document is chosen; {@code null} for all documents. */
	public WordQuery withStrand(@Nullable Strand s) {
		return new WordQuery(project, group, document, speaker, code, minLength, top, s);
	}

	/** The strand that decides the documents: none when a document is chosen. */
	public @Nullable Strand effectiveStrand() {
		return document == null ? strand : null;
	}

}
