package quire.coding.internal.qdc;

import java.io.Serial;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the element tree, checking on the way what can be checked early: the root element and namespace, the
 * number of codes and their depth. Text is kept only for {@code Description} elements.
 */
final class QdcTreeBuilder extends DefaultHandler {

	private final String fileName;

	private final List<QdcElement> open = new ArrayList<>();

	private @Nullable Locator locator;

	@Nullable
	QdcElement root;

	private int codes;

	private int codeDepth;

	QdcTreeBuilder(String fileName) {
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
		QdcElement element = new QdcElement(uri, localName, values, line);
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
		QdcElement element = open.removeLast();
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

	/** A refusal raised inside the SAX callbacks, carried out of the parser unchanged. */
	static final class Refusal extends SAXException {

		@Serial
		private static final long serialVersionUID = 1L;

		final transient QdcFormatException exception;

		Refusal(QdcFormatException exception) {
			super(exception.getMessage());
			this.exception = exception;
		}
	}

}
