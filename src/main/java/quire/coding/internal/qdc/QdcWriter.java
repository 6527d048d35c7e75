package quire.coding.internal.qdc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link QdcCodebook} as a REFI-QDA codebook file ({@code .qdc}) that other QDA tools can import: UTF-8,
 * indented with tabs, root {@code CodeBook} in namespace {@code urn:QDA-XML:codebook:1.0}. Elements follow the order
 * of the schema's {@code CodeType} and {@code SetType} (a code's {@code Description} before its sub-codes, a set's
 * {@code Description} before its {@code MemberCode targetGUID} elements); {@code Sets} is left out when there are
 * none. Descriptions are written exactly, without indentation inside them, so their line layout survives.
 *
 * <p>Uses the JDK's own {@link XMLStreamWriter} ({@link XMLOutputFactory#newDefaultFactory()}), which escapes all
 * markup characters; the records guarantee that no character XML cannot carry reaches it.
 */
public final class QdcWriter {

	private QdcWriter() {
	}

	/**
	 * Writes the codebook.
	 *
	 * @param book the codebook
	 * @return the file's bytes, UTF-8
	 */
	public static byte[] write(QdcCodebook book) {
		Objects.requireNonNull(book, "book");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			new Output(xml).codebook(book);
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("cannot write codebook: " + e.getMessage(), e);
		}
		return out.toByteArray();
	}

	/** One writing pass, keeping the indentation. */
	private static final class Output {

		private final XMLStreamWriter xml;

		Output(XMLStreamWriter xml) {
			this.xml = xml;
		}

		void codebook(QdcCodebook book) throws XMLStreamException {
			xml.writeStartDocument("UTF-8", "1.0");
			newLine(0);
			xml.writeStartElement("CodeBook");
			xml.writeDefaultNamespace(QdcValues.NAMESPACE);
			xml.writeAttribute("origin", book.origin());
			newLine(1);
			if (book.codes().isEmpty()) {
				xml.writeEmptyElement("Codes");
			}
			else {
				xml.writeStartElement("Codes");
				codes(book.codes(), 2);
				newLine(1);
				xml.writeEndElement();
			}
			if (!book.sets().isEmpty()) {
				newLine(1);
				xml.writeStartElement("Sets");
				for (QdcSet set : book.sets()) {
					set(set, 2);
				}
				newLine(1);
				xml.writeEndElement();
			}
			newLine(0);
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
		}

		private void codes(List<QdcCode> codes, int depth) throws XMLStreamException {
			for (QdcCode code : codes) {
				code(code, depth);
			}
		}

		private void code(QdcCode code, int depth) throws XMLStreamException {
			newLine(depth);
			boolean empty = code.description() == null && code.children().isEmpty();
			if (empty) {
				xml.writeEmptyElement("Code");
			}
			else {
				xml.writeStartElement("Code");
			}
			xml.writeAttribute("guid", code.guid());
			xml.writeAttribute("name", code.name());
			xml.writeAttribute("isCodable", String.valueOf(code.codable()));
			if (code.color() != null) {
				xml.writeAttribute("color", code.color());
			}
			if (empty) {
				return;
			}
			description(code.description(), depth + 1);
			codes(code.children(), depth + 1);
			newLine(depth);
			xml.writeEndElement();
		}

		private void set(QdcSet set, int depth) throws XMLStreamException {
			newLine(depth);
			boolean empty = set.description() == null && set.memberCodeGuids().isEmpty();
			if (empty) {
				xml.writeEmptyElement("Set");
			}
			else {
				xml.writeStartElement("Set");
			}
			xml.writeAttribute("guid", set.guid());
			xml.writeAttribute("name", set.name());
			if (empty) {
				return;
			}
			description(set.description(), depth + 1);
			for (String member : set.memberCodeGuids()) {
				newLine(depth + 1);
				xml.writeEmptyElement("MemberCode");
				xml.writeAttribute("targetGUID", member);
			}
			newLine(depth);
			xml.writeEndElement();
		}

		private void description(@Nullable String description, int depth) throws XMLStreamException {
			if (description == null) {
				return;
			}
			newLine(depth);
			xml.writeStartElement("Description");
			xml.writeCharacters(description);
			xml.writeEndElement();
		}

		private void newLine(int depth) throws XMLStreamException {
			xml.writeCharacters("\n" + "\t".repeat(depth));
		}
	}
}
