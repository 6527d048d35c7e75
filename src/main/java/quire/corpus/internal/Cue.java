package quire.corpus.internal;

import org.jspecify.annotations.Nullable;

/** One subtitle cue of a .vtt or .srt file: times in milliseconds, the speaker if named, the words. */
record Cue(long startMs, long endMs, @Nullable String speaker, String words) {
}
