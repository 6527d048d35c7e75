package quire.exchange.internal;

import static quire.exchange.internal.Qde.CODEBOOK_NS;
import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.first;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.coding.CodebookService;
import quire.project.ProjectId;

/**
 * Imports the {@code <CodeBook>} of a {@code project.qde} (and its code sets) by rewriting it as a
 * REFI-QDA codebook ({@code .qdc}) for the coding module's codebook import.
 */
@Component
class CodebookReader {

	private final CodebookService codebook;

	CodebookReader(CodebookService codebook) {
		this.codebook = codebook;
	}

	/** The number of codes added. */
	int read(String fileName, Element root, ProjectId project, List<String> warnings) {
		Element book = first(root, "CodeBook");
		Element codes = book == null ? null : first(book, "Codes");
		if (codes == null || first(codes, "Code") == null) {
			return 0;
		}
		try {
			ByteArrayOutputStream qdc = new ByteArrayOutputStream();
			XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(qdc, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.setDefaultNamespace(CODEBOOK_NS);
			w.writeStartElement(CODEBOOK_NS, "CodeBook");
			w.writeDefaultNamespace(CODEBOOK_NS);
			w.writeAttribute("origin", root.hasAttribute("origin") ? root.getAttribute("origin") : fileName);
			w.writeStartElement(CODEBOOK_NS, "Codes");
			copyInto(w, codes, CODEBOOK_NS, Set.of("Code", "Description"), warnings);
			w.writeEndElement();
			List<Element> codeSets = all(first(root, "Sets"), "Set").stream().filter(s -> !all(s, "MemberCode").isEmpty()).toList();
			if (!codeSets.isEmpty()) {
				w.writeStartElement(CODEBOOK_NS, "Sets");
				for (Element set : codeSets) {
					w.writeStartElement(CODEBOOK_NS, "Set");
					w.writeAttribute("guid", set.getAttribute("guid"));
					w.writeAttribute("name", set.getAttribute("name"));
					for (Element m : all(set, "MemberCode")) {
						w.writeEmptyElement(CODEBOOK_NS, "MemberCode");
						w.writeAttribute("targetGUID", m.getAttribute("targetGUID"));
					}
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
			return codebook.importQdc(project, fileName + " (codebook)", new ByteArrayInputStream(qdc.toByteArray())).added();
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException(fileName + ": the codebook cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * Copies elements named in {@code keep} (with attributes and text) into another namespace. Sibling
	 * codes with the same name (other tools allow it, Quire does not) get a numbered suffix.
	 */
	private static void copyInto(XMLStreamWriter w, Element from, String ns, Set<String> keep, List<String> warnings)
			throws XMLStreamException {
		Set<String> siblingNames = new HashSet<>();
		for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && keep.contains(e.getLocalName())) {
				w.writeStartElement(ns, e.getLocalName());
				if ("Code".equals(e.getLocalName())) {
					String name = e.getAttribute("name").strip();
					String unique = name;
					for (int k = 2; !siblingNames.add(unique.toLowerCase(Locale.ROOT)); k++) {
						unique = name + " (" + k + ")";
					}
					if (!unique.equals(name)) {
						warnings.add("two codes named '" + name + "' under the same parent: the second is now '" + unique + "'");
					}
					var attributes = e.getAttributes();
					for (int i = 0; i < attributes.getLength(); i++) {
						Node a = attributes.item(i);
						if (a.getNamespaceURI() == null) {
							String attr = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
							w.writeAttribute(attr, "name".equals(attr) ? unique : a.getNodeValue());
						}
					}
				}
				else {
					QdeWriter.copyAttributes(w, e);
				}
				if ("Description".equals(e.getLocalName())) {
					w.writeCharacters(e.getTextContent());
				}
				else {
					copyInto(w, e, ns, keep, warnings);
				}
				w.writeEndElement();
			}
		}
	}

}
