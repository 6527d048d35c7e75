package quire.nlp;

import org.jspecify.annotations.Nullable;

import quire.coding.CodeId;
import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * Which words to count: a project, narrowed to a document group, a document, a speaker or the text
 * coded with a code (and its sub-codes); words shorter than {@code minLength} are left out; the
 * {@code top} most frequent are returned.
 */
public record WordQuery(ProjectId project, @Nullable String group, @Nullable DocumentId document, @Nullable String speaker,
		@Nullable CodeId code, int minLength, int top) {

	public WordQuery {
		if (minLength < 1) {
			throw new IllegalArgumentException("the minimum word length must be at least 1, was " + minLength);
		}
		if (top < 1 || top > 10_000) {
			throw new IllegalArgumentException("top must be between 1 and 10000, was " + top);
		}
	}

	public static WordQuery project(ProjectId project) {
		return new WordQuery(project, null, null, null, null, 3, 50);
	}

	public WordQuery withGroup(@Nullable String g) {
		return new WordQuery(project, g, document, speaker, code, minLength, top);
	}

	public WordQuery withDocument(@Nullable DocumentId d) {
		return new WordQuery(project, group, d, speaker, code, minLength, top);
	}

	public WordQuery withSpeaker(@Nullable String s) {
		return new WordQuery(project, group, document, s, code, minLength, top);
	}

	public WordQuery withCode(@Nullable CodeId c) {
		return new WordQuery(project, group, document, speaker, c, minLength, top);
	}

	public WordQuery withMinLength(int n) {
		return new WordQuery(project, group, document, speaker, code, n, top);
	}

	public WordQuery withTop(int n) {
		return new WordQuery(project, group, document, speaker, code, minLength, n);
	}

}
