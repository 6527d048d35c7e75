package quire.coding.internal.qdc;

import quire.tabular.SpreadsheetCells;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

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
		Element root = parse(fileName, buffered);
		return new Converter(fileName).codebook(root);
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

	// ---- parsing into a small tree with line numbers ----

	private static Element parse(String fileName, InputStream in) {
		TreeBuilder builder = new TreeBuilder(fileName);
		try {
			SAXParser parser = hardenedFactory().newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(QdcValues.MAX_CODE_DEPTH + 16));
			parser.parse(new InputSource(in), builder);
		}
		catch (Refusal refusal) {
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
		Element root = builder.root;
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

	/** An element of the parsed file: only what the converter needs. */
	private static final class Element {

		final String namespace;

		final String name;

		final Map<String, String> attributes;

		final int line;

		final List<Element> children = new ArrayList<>();

		@Nullable
		StringBuilder text;

		Element(String namespace, String name, Map<String, String> attributes, int line) {
			this.namespace = namespace;
			this.name = name;
			this.attributes = attributes;
			this.line = line;
		}

		boolean is(String localName) {
			return QdcValues.NAMESPACE.equals(namespace) && name.equals(localName);
		}

		@Nullable
		String attribute(String attributeName) {
			return attributes.get(attributeName);
		}

		@Nullable
		Element first(String localName) {
			for (Element child : children) {
				if (child.is(localName)) {
					return child;
				}
			}
			return null;
		}

		List<Element> all(String localName) {
			return children.stream().filter(child -> child.is(localName)).toList();
		}

		String text() {
			return text == null ? "" : text.toString();
		}
	}

	/** A refusal raised inside the SAX callbacks, carried out of the parser unchanged. */
	private static final class Refusal extends SAXException {

		@Serial
		private static final long serialVersionUID = 1L;

		final transient QdcFormatException exception;

		Refusal(QdcFormatException exception) {
			super(exception.getMessage());
			this.exception = exception;
		}
	}

	/**
	 * Builds the element tree, checking on the way what can be checked early: the root element and namespace, the
	 * number of codes and their depth. Text is kept only for {@code Description} elements.
	 */
	private static final class TreeBuilder extends DefaultHandler {

		private final String fileName;

		private final List<Element> open = new ArrayList<>();

		private @Nullable Locator locator;

		@Nullable
		Element root;

		private int codes;

		private int codeDepth;

		TreeBuilder(String fileName) {
			this.fileName = fileName;
		}

		int line() {
			return locator == null ? 0 : locator.getLineNumber();
		}

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public InputSource resolveEntity(@Nullable String publicId, @Nullable String systemId) {
			// never fetch anything: DOCTYPE is refused anyway, this is a second lock on the door
			return new InputSource(new StringReader(""));
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			int line = line();
			if (root == null) {
				checkRoot(uri, localName, line);
			}
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < attributes.getLength(); i++) {
				if (attributes.getURI(i).isEmpty()) {
					values.put(attributes.getLocalName(i), attributes.getValue(i));
				}
			}
			Element element = new Element(uri, localName, values, line);
			if (element.is("Code")) {
				if (++codes > QdcValues.MAX_CODES) {
					throw refuse(line, "more than " + QdcValues.MAX_CODES + " codes; Quire reads at most "
							+ QdcValues.MAX_CODES);
				}
				if (++codeDepth > QdcValues.MAX_CODE_DEPTH) {
					throw refuse(line, "codes nested deeper than " + QdcValues.MAX_CODE_DEPTH + " levels");
				}
			}
			if (element.is("Description")) {
				element.text = new StringBuilder();
			}
			if (open.isEmpty()) {
				root = element;
			}
			else {
				open.getLast().children.add(element);
			}
			open.add(element);
		}

		private void checkRoot(String uri, String localName, int line) throws Refusal {
			if (!localName.equals("CodeBook")) {
				String hint = localName.equals("Project")
						? " (this looks like a REFI-QDA project file, .qde inside a .qdpx, not a codebook)"
						: "";
				throw refuse(line, "root element is " + localName + ", expected CodeBook" + hint);
			}
			if (!QdcValues.NAMESPACE.equals(uri)) {
				String found = uri.isEmpty() ? "no namespace" : "namespace " + uri;
				throw refuse(line, "root element CodeBook is in " + found + ", expected namespace "
						+ QdcValues.NAMESPACE);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			Element element = open.removeLast();
			if (element.is("Code")) {
				codeDepth--;
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!open.isEmpty()) {
				StringBuilder text = open.getLast().text;
				if (text != null) {
					text.append(ch, start, length);
				}
			}
		}

		@Override
		public void warning(SAXParseException e) {
			// warnings do not make a file unreadable
		}

		@Override
		public void error(SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void fatalError(SAXParseException e) throws SAXException {
			throw e;
		}

		private Refusal refuse(int line, String reason) {
			return new Refusal(new QdcFormatException(fileName, line, reason));
		}
	}

	// ---- from the tree to the records ----

	/** Turns the element tree into records, refusing bad values with the line they are on. */
	private static final class Converter {

		private final String fileName;

		/** Every GUID seen so far, with the line it was first used on. */
		private final Map<String, Integer> guidLines = new HashMap<>();

		private final Map<String, Integer> codeLines = new HashMap<>();

		Converter(String fileName) {
			this.fileName = fileName;
		}

		QdcCodebook codebook(Element root) {
			String origin = root.attribute("origin");
			List<Element> codesElements = root.all("Codes");
			if (codesElements.isEmpty()) {
				throw new QdcFormatException(fileName, root.line, "missing Codes element in CodeBook");
			}
			if (codesElements.size() > 1) {
				throw new QdcFormatException(fileName, codesElements.get(1).line, "more than one Codes element");
			}
			List<QdcCode> codes = codes(codesElements.getFirst());
			List<QdcSet> sets = new ArrayList<>();
			for (Element setsElement : root.all("Sets")) {
				for (Element set : setsElement.all("Set")) {
					sets.add(set(set));
				}
			}
			try {
				return new QdcCodebook(origin == null ? "" : origin, codes, sets);
			}
			catch (IllegalArgumentException e) {
				// every rule is checked above with its line; this is a backstop
				throw new QdcFormatException(fileName, 0, String.valueOf(e.getMessage()), e);
			}
		}

		private List<QdcCode> codes(Element parent) {
			List<QdcCode> codes = new ArrayList<>();
			for (Element child : parent.all("Code")) {
				codes.add(code(child));
			}
			return codes;
		}

		private QdcCode code(Element element) {
			String name = element.attribute("name");
			if (name == null || name.isBlank()) {
				throw refuse(element, "code without a name" + guidHint(element));
			}
			if (SpreadsheetCells.looksLikeFormula(name)) {
				throw refuse(element, "the name of a code: " + SpreadsheetCells.refusal(name)
						+ " and would run as one in an exported table; rename the code");
			}
			String what = "code '" + name.strip() + "'";
			String guid = guid(element, element.attribute("guid"), what);
			claim(element, guid, what);
			codeLines.put(guid, element.line);
			String colour = colour(element, what);
			boolean codable = codable(element, what);
			String description = description(element);
			List<QdcCode> children = codes(element);
			return create(element, () -> new QdcCode(guid, name, colour, codable, description, children));
		}

		private QdcSet set(Element element) {
			String name = element.attribute("name");
			if (name == null || name.isBlank()) {
				throw refuse(element, "set without a name" + guidHint(element));
			}
			if (SpreadsheetCells.looksLikeFormula(name)) {
				throw refuse(element, "the name of a set: " + SpreadsheetCells.refusal(name)
						+ " and would run as one in an exported table; rename the set");
			}
			String what = "set '" + name.strip() + "'";
			String guid = guid(element, element.attribute("guid"), what);
			claim(element, guid, what);
			List<String> members = new ArrayList<>();
			for (Element member : element.all("MemberCode")) {
				String target = member.attribute("targetGUID");
				if (target == null) {
					target = member.attribute("guid");
				}
				String memberGuid = guid(member, target, "member of " + what);
				if (!codeLines.containsKey(memberGuid)) {
					throw refuse(member, what + " refers to unknown code " + memberGuid);
				}
				members.add(memberGuid);
			}
			String description = description(element);
			return create(element, () -> new QdcSet(guid, name, description, members));
		}

		private String guid(Element element, @Nullable String raw, String what) {
			if (raw == null || raw.isBlank()) {
				throw refuse(element, what + " has no GUID");
			}
			String guid = QdcValues.guidOrNull(raw);
			if (guid == null) {
				throw refuse(element, "invalid GUID '" + raw + "' of " + what
						+ " (expected 8-4-4-4-12 hexadecimal digits, optionally in braces)");
			}
			return guid;
		}

		private void claim(Element element, String guid, String what) {
			Integer first = guidLines.putIfAbsent(guid, element.line);
			if (first != null) {
				throw refuse(element, "duplicate GUID " + guid + " of " + what + " (first used on line " + first + ")");
			}
		}

		/** The normalised colour, or null when there is none; a blank {@code color} counts as none. */
		private @Nullable String colour(Element element, String what) {
			String raw = element.attribute("color");
			if (raw == null || raw.isBlank()) {
				return null;
			}
			String colour = QdcValues.colourOrNull(raw);
			if (colour == null) {
				throw refuse(element, "invalid colour '" + raw + "' of " + what + " (expected #RRGGBB or #RGB)");
			}
			return colour;
		}

		private boolean codable(Element element, String what) {
			String raw = element.attribute("isCodable");
			if (raw == null) {
				return true;
			}
			return switch (raw.strip().toLowerCase(Locale.ROOT)) {
				case "true", "1" -> true;
				case "false", "0" -> false;
				default -> throw refuse(element, "invalid isCodable '" + raw + "' of " + what
						+ " (expected true or false)");
			};
		}

		private static @Nullable String description(Element element) {
			Element description = element.first("Description");
			return description == null ? null : description.text();
		}

		private static String guidHint(Element element) {
			String guid = element.attribute("guid");
			return guid == null ? "" : " (GUID " + guid + ")";
		}

		private <T> T create(Element element, Supplier<T> factory) {
			try {
				return factory.get();
			}
			catch (IllegalArgumentException e) {
				throw refuse(element, String.valueOf(e.getMessage()));
			}
		}

		private QdcFormatException refuse(Element element, String reason) {
			return new QdcFormatException(fileName, element.line, reason);
		}
	}
}
