/**
 * Views of the corpus: documents and upload, participants with their attributes and the speakers
 * linked to them. {@link quire.corpus.ui.SpeakerLinkDialog} (link a document's speaker to a
 * participant) is shared with the transcript view; {@link quire.corpus.ui.DocumentColumn} lets
 * other features add a column to the Documents page.
 */
@NamedInterface("ui")
@NullMarked
package quire.corpus.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
