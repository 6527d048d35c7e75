package quire.coding.internal.qdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An element of the parsed file: only what the converter needs. */
final class QdcElement {

	final String namespace;

	final String name;

	final Map<String, String> attributes;

	final int line;

	final List<QdcElement> children = new ArrayList<>();

	@Nullable
	StringBuilder text;

	QdcElement(String namespace, String name, Map<String, String> attributes, int line) {
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
	QdcElement first(String localName) {
		for (QdcElement child : children) {
			if (child.is(localName)) {
				return child;
			}
		}
		return null;
	}

	List<QdcElement> all(String localName) {
		return children.stream().filter(child -> child.is(localName)).toList();
	}

	String text() {
		return text == null ? "" : text.toString();
	}
}
