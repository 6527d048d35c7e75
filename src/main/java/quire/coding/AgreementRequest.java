package quire.coding;

import java.util.List;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.corpus.Strand;
import quire.project.ProjectId;

/**
 * What to compare: two or more coders; the documents (when empty: every document of {@code strand} that a
 * chosen coder coded, or of the whole project when {@code strand} is null); the codes (when empty: every
 * code of {@code system} that a chosen coder used there; when given, they must be codes of {@code system});
 * the unit; and the bootstrap's number of resamples and seed for α's confidence interval.
 */
public record AgreementRequest(ProjectId projectId, List<String> coders, List<DocumentId> documents,
		@Nullable Strand strand, List<CodeId> codes, CodeSystem system, AgreementUnit unit, int resamples, long seed) {

	/** The default unit: a speaker turn, the unit researchers read and code. */
	public static final AgreementUnit DEFAULT_UNIT = AgreementUnit.TURN;

	/** The default strand: themes are analysed over the qualitative strand. */
	public static final Strand DEFAULT_STRAND = Strand.QUALITATIVE;

	/** The default number of bootstrap resamples for α's confidence interval. */
	public static final int DEFAULT_RESAMPLES = 5_000;

	/** The default seed of the bootstrap, so the same data always give the same interval. */
	public static final long DEFAULT_SEED = 20_070_101L;

	public AgreementRequest {
		coders = coders.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
		if (coders.size() < 2) {
			throw new IllegalArgumentException("choose at least two coders to compare, got " + coders.size());
		}
		documents = List.copyOf(documents);
		codes = List.copyOf(codes);
		if (resamples < 100) {
			throw new IllegalArgumentException("the bootstrap needs at least 100 resamples, got " + resamples);
		}
	}

	/** The defaults: the qualitative strand, the thematic codes, the default bootstrap. */
	public AgreementRequest(ProjectId projectId, List<String> coders, List<DocumentId> documents, List<CodeId> codes,
			AgreementUnit unit) {
		this(projectId, coders, documents, DEFAULT_STRAND, codes, CodeSystem.THEMATIC, unit, DEFAULT_RESAMPLES,
				DEFAULT_SEED);
	}

}
