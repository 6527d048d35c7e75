package quire.coding.internal.qdc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import quire.tabular.SpreadsheetCells;

/** Turns the element tree into records, refusing bad values with the line they are on. */
final class QdcConverter {

	private final String fileName;

	/** Every GUID seen so far, with the line it was first used on. */
	private final Map<String, Integer> guidLines = new HashMap<>();

	private final Map<String, Integer> codeLines = new HashMap<>();

	QdcConverter(String fileName) {
		this.fileName = fileName;
	}

	QdcCodebook codebook(QdcElement root) {
		String origin = root.attribute("origin");
		List<QdcElement> codesElements = root.all("Codes");
		if (codesElements.isEmpty()) {
			throw new QdcFormatException(fileName, root.line, "missing Codes element in CodeBook");
		}
		if (codesElements.size() > 1) {
			throw new QdcFormatException(fileName, codesElements.get(1).line, "more than one Codes element");
		}
		List<QdcCode> codes = codes(codesElements.getFirst());
		List<QdcSet> sets = new ArrayList<>();
		for (QdcElement setsElement : root.all("Sets")) {
			for (QdcElement set : setsElement.all("Set")) {
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

	private List<QdcCode> codes(QdcElement parent) {
		List<QdcCode> codes = new ArrayList<>();
		for (QdcElement child : parent.all("Code")) {
			codes.add(code(child));
		}
		return codes;
	}

	private QdcCode code(QdcElement element) {
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

	private QdcSet set(QdcElement element) {
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
		for (QdcElement member : element.all("MemberCode")) {
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

	private String guid(QdcElement element, @Nullable String raw, String what) {
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

	private void claim(QdcElement element, String guid, String what) {
		Integer first = guidLines.putIfAbsent(guid, element.line);
		if (first != null) {
			throw refuse(element, "duplicate GUID " + guid + " of " + what + " (first used on line " + first + ")");
		}
	}

	/** The normalised colour, or null when there is none; a blank {@code color} counts as none. */
	private @Nullable String colour(QdcElement element, String what) {
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

	private boolean codable(QdcElement element, String what) {
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

	private static @Nullable String description(QdcElement element) {
		QdcElement description = element.first("Description");
		return description == null ? null : description.text();
	}

	private static String guidHint(QdcElement element) {
		String guid = element.attribute("guid");
		return guid == null ? "" : " (GUID " + guid + ")";
	}

	private <T> T create(QdcElement element, Supplier<T> factory) {
		try {
			return factory.get();
		}
		catch (IllegalArgumentException e) {
			throw refuse(element, String.valueOf(e.getMessage()));
		}
	}

	private QdcFormatException refuse(QdcElement element, String reason) {
		return new QdcFormatException(fileName, element.line, reason);
	}
}
