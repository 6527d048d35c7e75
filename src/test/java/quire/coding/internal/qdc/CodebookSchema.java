package quire.coding.internal.qdc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;

/**
 * The codebook schema for the tests, derived from the official REFI-QDA {@code Project.xsd} by text: its namespace is
 * replaced by the codebook namespace and a global {@code CodeBook} element is added with {@code Codes}
 * ({@code CodesType}), optional {@code Sets} ({@code SetsType}) and an {@code origin} attribute. So the codes and
 * sets are checked against exactly the official {@code CodeType} and {@code SetType}.
 */
final class CodebookSchema {

	private static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";

	private static final String TYPE_DEFINITIONS = "<!-- ===== Type Definitions ===== -->";

	private static final String CODEBOOK_ELEMENT = """
			<xsd:element name="CodeBook">
				<xsd:complexType>
					<xsd:sequence>
						<xsd:element name="Codes" type="CodesType"/>
						<xsd:element name="Sets" type="SetsType" minOccurs="0"/>
					</xsd:sequence>
					<xsd:attribute name="origin" type="xsd:string"/>
				</xsd:complexType>
			</xsd:element>
			""";

	private static final Schema SCHEMA = build();

	private CodebookSchema() {
	}

	/** The derived schema text. */
	static String text() {
		String project;
		try (InputStream in = Objects.requireNonNull(CodebookSchema.class.getResourceAsStream("/qdc/Project.xsd"),
				"qdc/Project.xsd")) {
			project = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!project.contains("targetNamespace=\"" + PROJECT_NAMESPACE + "\"")
				|| !project.contains("xmlns=\"" + PROJECT_NAMESPACE + "\"") || !project.contains(TYPE_DEFINITIONS)) {
			throw new IllegalStateException("Project.xsd does not look as expected");
		}
		return project.replace(PROJECT_NAMESPACE, QdcValues.NAMESPACE)
				.replace(TYPE_DEFINITIONS, CODEBOOK_ELEMENT + TYPE_DEFINITIONS);
	}

	private static Schema build() {
		try {
			SchemaFactory factory = SchemaFactory.newDefaultInstance();
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(new StreamSource(new StringReader(text()), "Codebook.xsd"));
		}
		catch (SAXException e) {
			throw new IllegalStateException("cannot build the codebook schema: " + e.getMessage(), e);
		}
	}

	/** Validates a codebook file, throwing {@link SAXException} with the first violation. */
	static void validate(byte[] qdc) throws SAXException {
		Validator validator = SCHEMA.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new ByteArrayInputStream(qdc)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
