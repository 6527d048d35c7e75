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

	public static ParsedTranscript read(String fileName, byte[] content) {
		String ext = extension(fileName);
		if (!SUPPORTED.contains(ext)) {
			throw new ImportRejectedException(fileName, "unsupported file type '" + (ext.isEmpty() ? "(none)" : "." + ext)
					+ "'; Quire imports .txt, .docx, .pdf, .vtt and .srt");
		}
		if (content.length == 0) {
			throw new ImportRejectedException(fileName, "the file is empty");
		}
		ParsedTranscript parsed = switch (ext) {
			case "txt" -> plain("txt", TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)));
			case "docx" -> plain("docx", TextNormalizer.normalize(fileName, DocxReader.read(fileName, content)));
			case "pdf" -> plain("pdf", TextNormalizer.normalize(fileName, PdfReader.read(fileName, content)));
			case "vtt" -> WebVttReader.read(fileName,
					TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)));
			case "srt" -> SrtReader.read(fileName,
					TextNormalizer.normalize(fileName, TextDecoder.decode(fileName, content)));
			default -> throw new IllegalStateException("no reader for ." + ext);
		};
		if (parsed.text().isBlank() || parsed.turns().isEmpty()) {
			throw new ImportRejectedException(fileName, "the file is empty");
		}
		return parsed;
	}

	private static ParsedTranscript plain(String format, String text) {
		return new ParsedTranscript(format, text, SpeakerTurnParser.parse(text));
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
