package quire.coding.internal.qdc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a REFI-QDA codebook ({@code .qdc}) as written by Quire and by other QDA tools, or refuses it with a
 * {@link QdcFormatException} naming the file, the line and the reason; nothing partial is ever returned.
 *
 * <p>The other tools differ in small ways, all accepted: GUIDs in braces and in any case (MAXQDA), three-digit or
 * missing colours (ATLAS.ti), missing {@code isCodable} (QualCoder; taken as true), missing {@code origin}, deep
 * nesting and descriptions (NVivo), set members given by {@code targetGUID} (the schema) or {@code guid}, and note,
 * source and unknown elements, which are skipped.
 *
 * <p>The file is parsed with the JDK's own SAX parser ({@link SAXParserFactory#newDefaultInstance()}, so that a
 * Xerces on the class path cannot replace it) hardened against XXE: DOCTYPE declarations are refused, external
 * entities, external DTDs and schemas and XInclude are off, and secure processing is on. SAX keeps the line of every
 * element for the messages.
 */
public final class QdcReader {

	private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

	private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

	private QdcReader() {
	}

	/**
	 * Reads one codebook file.
	 *
	 * @param fileName the file's name, used only in messages
	 * @param in the file's bytes; read to the end but not closed
	 * @return the codebook
	 * @throws QdcFormatException when the file is not a valid codebook
	 * @throws UncheckedIOException when the stream cannot be read
	 */
	public static QdcCodebook read(String fileName, InputStream in) {
		return read(fileName, in, Long.MAX_VALUE);
	}

	/**
	 * Reads one codebook file of at most {@code maxBytes}; a longer file is refused as soon as the
	 * limit is passed, without reading the rest.
	 *
	 * @throws QdcFormatException when the file is not a valid codebook or is too large
	 */
	public static QdcCodebook read(String fileName, InputStream in, long maxBytes) {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(in, "in");
		BufferedInputStream buffered = new BufferedInputStream(new Limited(in, maxBytes));
		refuseZip(fileName, buffered);
		QdcElement root = parse(fileName, buffered);
		return new QdcConverter(fileName).codebook(root);
	}

	/** A ZIP (most likely a {@code .qdpx} project) gets a clearer message than the parser's "content in prolog". */
	private static void refuseZip(String fileName, BufferedInputStream in) {
		try {
			in.mark(2);
			boolean zip = in.read() == 'P' && in.read() == 'K';
			in.reset();
			if (zip) {
				throw new QdcFormatException(fileName, 0,
						"this is a ZIP archive (perhaps a .qdpx project), not a .qdc codebook");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + fileName, e);
		}
	}

	private static QdcElement parse(String fileName, InputStream in) {
		QdcTreeBuilder builder = new QdcTreeBuilder(fileName);
		try {
			SAXParser parser = hardenedFactory().newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(QdcValues.MAX_CODE_DEPTH + 16));
			parser.parse(new InputSource(in), builder);
		}
		catch (QdcTreeBuilder.Refusal refusal) {
			throw refusal.exception;
		}
		catch (SAXParseException e) {
			throw new QdcFormatException(fileName, e.getLineNumber(), describe(e), e);
		}
		catch (SAXException e) {
			throw new QdcFormatException(fileName, builder.line(), "not well-formed XML: " + e.getMessage(), e);
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
		}
		catch (TooLarge e) {
			throw new QdcFormatException(fileName, 0, "the file is larger than the upload limit of "
					+ (e.limit >> 20) + " MB; a codebook is rarely more than a few hundred kB");
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + fileName, e);
		}
		QdcElement root = builder.root;
		if (root == null) {
			throw new QdcFormatException(fileName, 0, "no XML element found");
		}
		return root;
	}

	private static SAXParserFactory hardenedFactory() throws ParserConfigurationException, SAXException {
		SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setXIncludeAware(false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature(DISALLOW_DOCTYPE, true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		return factory;
	}

	private static String describe(SAXParseException e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains(DISALLOW_DOCTYPE)) {
			return "DOCTYPE declarations are not allowed in a codebook (they can pull in external files)";
		}
		return "not well-formed XML: " + message;
	}

	/** Thrown by {@link Limited} when the file passes its limit. */
	private static final class TooLarge extends IOException {

		@Serial
		private static final long serialVersionUID = 1L;

		final long limit;

		TooLarge(long limit) {
			super("more than " + limit + " bytes");
			this.limit = limit;
		}

	}

	/** Counts the bytes read and fails with {@link TooLarge} past the limit. */
	private static final class Limited extends java.io.FilterInputStream {

		private final long limit;

		private long count;

		Limited(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void count(long n) throws TooLarge {
			count += n;
			if (count > limit) {
				throw new TooLarge(limit);
			}
		}

	}

}
