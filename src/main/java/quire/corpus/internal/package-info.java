/**
 * Importers and the speaker-turn parser: turn raw files into normalised text with turn ranges. Internal to the corpus module.
 */
@NullMarked
package quire.corpus.internal;

import org.jspecify.annotations.NullMarked;
