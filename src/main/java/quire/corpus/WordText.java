package quire.corpus;

import quire.corpus.internal.DocxReader;

/**
 * The text of a Word .docx as the document importer reads it (the body's paragraphs and those of its
 * tables, one line each, not normalised), for other modules that receive Word files in archives and
 * must count character offsets in them, such as REFI-QDA's {@code richTextPath}.
 */
public final class WordText {

	private WordText() {
	}

	/**
	 * @throws ImportRejectedException naming the file and why it cannot be read (damaged,
	 * password-protected, a zip bomb, too much text)
	 */
	public static String read(String fileName, byte[] docx) {
		return DocxReader.read(fileName, docx);
	}

}
