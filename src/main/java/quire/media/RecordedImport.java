package quire.media;

import quire.corpus.ImportResult;

/** A transcript imported together with its recording ({@link MediaService#importTogether}). */
public record RecordedImport(ImportResult transcript, Recording recording) {
}
