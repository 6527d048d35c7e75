package quire.corpus.internal;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import quire.corpus.ImportRejectedException;

/** Reads the text layer of a PDF with PDFBox, in reading order. Scanned PDFs without text are refused. */
final class PdfReader {

	private PdfReader() {
	}

	/** Whether the end-of-file marker is in the file's last kilobyte, as in every complete PDF. */
	static boolean endsWithEof(byte[] bytes) {
		int from = Math.max(0, bytes.length - 1024);
		String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
		return tail.contains("%%EOF");
	}

	static String read(String fileName, byte[] bytes) {
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
				throw new ImportRejectedException(fileName, "the PDF does not allow its text to be extracted");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setLineSeparator("\n");
			String text = stripper.getText(pdf);
			if (text.isBlank() && !endsWithEof(bytes)) {
				throw new ImportRejectedException(fileName, "the PDF is incomplete (it does not end with %%EOF, so the "
						+ "download or copy was cut off); get the whole file again");
			}
			if (text.isBlank()) {
				throw new ImportRejectedException(fileName,
						"the PDF has no text layer (scanned pages?); run OCR first and import the result");
			}
			return text;
		}
		catch (InvalidPasswordException ex) {
			throw new ImportRejectedException(fileName, "the PDF is password-protected", ex);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImportRejectedException rejected) {
				throw rejected;
			}
			throw new ImportRejectedException(fileName, "not a readable PDF (" + DocxReader.shortCause(ex) + ")", ex);
		}
	}

}
