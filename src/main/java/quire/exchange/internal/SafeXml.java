package quire.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with the JDK's own parser ({@code newDefaultInstance}, so a
 * library on the class path cannot swap it), namespace-aware, with DOCTYPEs refused, external
 * entities and XInclude off and secure processing on.
 */
public final class SafeXml {

	private SafeXml() {
	}

	/**
	 * @throws IllegalArgumentException naming the file, the line and the reason
	 */
	public static Document parse(String fileName, byte[] xml) {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(null);
			return b.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXParseException ex) {
			String reason = ex.getMessage() != null && ex.getMessage().contains("DOCTYPE")
					? "a DOCTYPE declaration is not allowed (external entities could read local files)" : ex.getMessage();
			throw new IllegalArgumentException(fileName + " line " + ex.getLineNumber() + ": " + reason, ex);
		}
		catch (SAXException | IOException ex) {
			throw new IllegalArgumentException(fileName + ": not well-formed XML (" + ex.getMessage() + ")", ex);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the XML parser cannot be hardened: " + ex.getMessage(), ex);
		}
	}

}
