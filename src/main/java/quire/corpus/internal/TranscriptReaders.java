package quire.corpus.internal;

import java.util.Locale;
import java.util.Set;

import quire.corpus.ImportRejectedException;

/**
 * Reads a transcript file into normalised text and speaker turns, choosing the reader by the file's
 * extension: .txt, .docx, .pdf (text layer), .vtt (WebVTT) and .srt (SubRip). Every refusal is an
 * {@link ImportRejectedException} naming the file and the reason.
 */
public final class TranscriptReaders {

	private static final Set<String> SUPPORTED = Set.of("txt", "docx", "pdf", "vtt", "srt");

	private TranscriptReaders() {
	}

	public static Set<String> supportedExtensions() {
		return SUPPORTED;
	}

	/**
	 * The most speaker turns (or subtitle cues) a file may have by default: a long focus group has a
	 * few thousand; the limit keeps one upload from holding the server (configurable as
	 * {@code quire.import.max-turns}).
	 */
	public static final int DEFAULT_MAX_TURNS = 100_000;

	/** As {@link #read(String, byte[], int)} with {@link #DEFAULT_MAX_TURNS}. */
	public static ParsedTranscript read(String fileName, byte[] content) {
		return read(fileName, content, DEFAULT_MAX_TURNS);
	}

	/**
	 * Reads a file into text and turns, in time linear in its size.
	 * @throws ImportRejectedException if it cannot be read, is empty, or has more than {@code maxTurns}
	 * speaker turns (or subtitle cues)
	 */
	public static ParsedTranscript read(String fileName, byte[] content, int maxTurns) {
		String ext = extension(fileName);
		if (!SUPPORTED.contains(ext)) {
			throw new ImportRejectedException(fileName, "unsupported file type '" + (ext.isEmpty() ? "(none)" : "." + ext)
					+ "'; Quire imports .txt, .docx, .pdf, .vtt and .srt");
		}
		if (content.length == 0) {
			throw new ImportRejectedException(fileName, "the file is empty");
		}
		ParsedTranscript parsed = switch (ext) {
			case "txt" -> plain(fileName, "txt", TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)),
					maxTurns);
			case "docx" -> plain(fileName, "docx", TextNormalizer.normalize(fileName, DocxReader.read(fileName, content)),
					maxTurns);
			case "pdf" -> plain(fileName, "pdf", TextNormalizer.normalize(fileName, PdfReader.read(fileName, content)),
					maxTurns);
			case "vtt" -> WebVttReader.read(fileName,
					TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)), maxTurns);
			case "srt" -> SrtReader.read(fileName,
					TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)), maxTurns);
			default -> throw new IllegalStateException("no reader for ." + ext);
		};
		if (parsed.text().isBlank() || parsed.turns().isEmpty()) {
			throw new ImportRejectedException(fileName, "the file is empty");
		}
		if (parsed.turns().size() > maxTurns) {
			throw tooMany(fileName, parsed.turns().size(), "speaker turns", maxTurns, false);
		}
		return parsed;
	}

	/** The refusal of a file with too many turns or cues ({@code atLeast}: counting stopped at {@code found}). */
	static ImportRejectedException tooMany(String fileName, int found, String what, int max, boolean atLeast) {
		return new ImportRejectedException(fileName, String.format(Locale.ROOT,
				"the file has %s%,d %s, more than Quire imports from one file (%,d; the setting quire.import.max-turns)",
				atLeast ? "at least " : "", found, what, max));
	}

	private static ParsedTranscript plain(String fileName, String format, String text, int maxTurns) {
		return new ParsedTranscript(format, text, SpeakerTurnParser.parse(fileName, text, maxTurns));
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
