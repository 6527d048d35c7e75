package quire.corpus;

import org.jspecify.annotations.Nullable;

/** What became of one file of a bulk import: imported, or rejected with the reason. */
public record ImportOutcome(String fileName, @Nullable ImportResult result, @Nullable ImportRejectedException rejection) {

	public ImportOutcome {
		if ((result == null) == (rejection == null)) {
			throw new IllegalArgumentException("an outcome is either a result or a rejection");
		}
	}

	public boolean imported() {
		return result != null;
	}

}
