package quire.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.Test;

/**
 * With CoreNLP on the classpath, the standard XML factories are still the JDK's own (the ones
 * Quire's hardened qdc and qdpx readers configure), because CoreNLP's xalan and xerces are excluded
 * (docs/decisions/004-corenlp.md).
 */
final class CoreNlpClasspathTests {

	@Test
	void theJdksXmlFactoriesServeJavaxXml() {
		assertThat(DocumentBuilderFactory.newInstance().getClass().getName()).startsWith("com.sun.org.apache.xerces.internal");
		assertThat(SAXParserFactory.newInstance().getClass().getName()).startsWith("com.sun.org.apache.xerces.internal");
		assertThat(TransformerFactory.newInstance().getClass().getName()).startsWith("com.sun.org.apache.xalan.internal");
		assertThat(XMLInputFactory.newInstance().getClass().getName()).startsWith("com.sun.xml.internal.stream");
	}

	@Test
	void xalanAndXercesAreNotOnTheClasspath() {
		assertThatThrownBy(() -> Class.forName("org.apache.xalan.processor.TransformerFactoryImpl"))
			.isInstanceOf(ClassNotFoundException.class);
		assertThatThrownBy(() -> Class.forName("org.apache.xerces.jaxp.DocumentBuilderFactoryImpl"))
			.isInstanceOf(ClassNotFoundException.class);
	}

	@Test
	void coreNlpIsThere() throws ClassNotFoundException {
		assertThat(Class.forName("edu.stanford.nlp.pipeline.StanfordCoreNLP")).isNotNull();
	}

}
