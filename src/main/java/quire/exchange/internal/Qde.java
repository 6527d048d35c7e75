package quire.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.corpus.DocumentId;

/** The REFI-QDA namespaces, Quire's stable GUIDs and DOM look-ups by local name shared by export and import. */
final class Qde {

	static final String NS = "urn:QDA-XML:project:1.0";

	static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

	private Qde() {
	}

	static @Nullable Element first(@Nullable Element parent, String localName) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	static List<Element> all(@Nullable Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		if (parent != null) {
			for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element e && localName.equals(e.getLocalName())) {
					out.add(e);
				}
			}
		}
		return out;
	}

	static List<Element> descendants(@Nullable Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		if (parent != null) {
			var list = parent.getElementsByTagNameNS("*", localName);
			for (int i = 0; i < list.getLength(); i++) {
				out.add((Element) list.item(i));
			}
		}
		return out;
	}

	/** GUIDs compared without braces and case. */
	static String normalise(String guid) {
		String g = guid.strip();
		if (g.startsWith("{") && g.endsWith("}")) {
			g = g.substring(1, g.length() - 1);
		}
		return g.toLowerCase(Locale.ROOT);
	}

	/** A name-based GUID, the same on every export of the same thing. */
	static String guid(String seed) {
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

	static String sourceGuid(DocumentId id) {
		return guid("quire-source:" + id.value());
	}

	static String userGuid(String name) {
		return guid("quire-user:" + name);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
