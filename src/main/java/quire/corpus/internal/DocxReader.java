package quire.corpus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import quire.corpus.ImportRejectedException;

/**
 * Reads the text of a Word .docx with Apache POI: the body's paragraphs, and the paragraphs of its
 * tables in order, one line each. POI's zip guards refuse zip bombs; the extracted text is capped.
 */
public final class DocxReader {

	/** The most text a .docx may yield (characters). */
	static final int MAX_CHARS = 50_000_000;

	static {
		ZipSecureFile.setMinInflateRatio(0.005);
		ZipSecureFile.setMaxEntrySize(500L * 1024 * 1024);
	}

	private DocxReader() {
	}

	/**
	 * The text of a .docx, one line per paragraph.
	 * @throws ImportRejectedException naming the file and why it cannot be read
	 */
	public static String read(String fileName, byte[] bytes) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			StringBuilder text = new StringBuilder();
			for (IBodyElement element : doc.getBodyElements()) {
				append(fileName, element, text);
			}
			return text.toString();
		}
		catch (ImportRejectedException ex) {
			throw ex;
		}
		catch (EncryptedDocumentException ex) {
			throw new ImportRejectedException(fileName, "the Word document is password-protected", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new ImportRejectedException(fileName, "not a readable Word .docx document (" + shortCause(ex) + ")",
					ex);
		}
	}

	private static void append(String fileName, IBodyElement element, StringBuilder text) {
		if (element instanceof XWPFParagraph p) {
			line(fileName, p.getText(), text);
		}
		else if (element instanceof XWPFTable table) {
			for (XWPFTableRow row : table.getRows()) {
				for (XWPFTableCell cell : row.getTableCells()) {
					for (IBodyElement inner : cell.getBodyElements()) {
						append(fileName, inner, text);
					}
				}
			}
		}
	}

	private static void line(String fileName, String line, StringBuilder text) {
		if (text.length() + line.length() > MAX_CHARS) {
			throw new ImportRejectedException(fileName,
					"the document holds more than " + MAX_CHARS + " characters of text; split it first");
		}
		text.append(line).append('\n');
	}

	/**
	 * The first line of a library's message in words a researcher can act on: the attacks POI
	 * refuses (zip bombs, DOCTYPE declarations) are named, and class names that libraries put in
	 * front of a wrapped cause's message ({@code org.apache.xmlbeans.XmlException: error: ...}) are
	 * left out.
	 */
	static String shortCause(Exception ex) {
		String m = ex.getMessage();
		if (m == null || m.isBlank()) {
			return "the file is damaged";
		}
		if (m.contains("Zip bomb detected")) {
			return "it unpacks to hundreds of times its size, as a zip bomb does";
		}
		if (m.contains("DOCTYPE")) {
			return "it contains a DOCTYPE declaration, which Word never writes and which could read local files";
		}
		m = m.lines().findFirst().orElse(m);
		m = CLASS_PREFIX.matcher(m).replaceAll("").strip();
		if (m.isEmpty()) {
			return "the file is damaged";
		}
		return m.length() > 160 ? m.substring(0, 160) + "…" : m;
	}

	/** {@code org.apache.poi.openxml4j.exceptions.InvalidFormatException: } and {@code error: } prefixes. */
	private static final java.util.regex.Pattern CLASS_PREFIX = java.util.regex.Pattern
		.compile("(?:\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*|^error:\\s*)+");

}
