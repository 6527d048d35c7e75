package quire.coding.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.Origin;
import quire.coding.ReAim;
import quire.coding.Stance;
import quire.coding.internal.qdc.QdcCode;
import quire.coding.internal.qdc.QdcCodebook;
import quire.coding.internal.qdc.QdcReader;
import quire.coding.internal.qdc.QdcSet;
import quire.coding.internal.qdc.QdcWriter;

/**
 * Maps Quire's codes to REFI-QDA codebooks and back. The standard has no fields for RE-AIM
 * dimensions, barrier/facilitator or deductive/inductive, so they travel as sets ("RE-AIM:
 * Adoption", "Barrier", "Facilitator", "Deductive", "Inductive") that other tools show as code sets;
 * definition, inclusion and exclusion notes and the example travel in the description as a
 * paragraph followed by "Include: ", "Exclude: " and "Example: " lines.
 */
public final class CodebookTransfer {

	static final String RE_AIM_SET = "RE-AIM: ";

	/** Colour for imported codes that have none. */
	static final String DEFAULT_COLOUR = "#7F7F7F";

	private CodebookTransfer() {
	}

	/** A code read from a file, in tree order (parents first). */
	public record ImportedCode(String guid, @Nullable String parentGuid, CodeDraft draft) {
	}

	/** The codes of a file and notes on what was adjusted. */
	public record ImportedCodebook(List<ImportedCode> codes, List<String> notes) {
	}

	/**
	 * Reads a {@code .qdc} file.
	 * @throws IllegalArgumentException naming the file, the line and the reason
	 */
	public static ImportedCodebook read(String fileName, InputStream in) {
		return read(fileName, in, Long.MAX_VALUE);
	}

	/**
	 * Reads a {@code .qdc} file of at most {@code maxBytes}.
	 * @throws IllegalArgumentException naming the file, the line and the reason
	 */
	public static ImportedCodebook read(String fileName, InputStream in, long maxBytes) {
		QdcCodebook book = QdcReader.read(fileName, in, maxBytes);
		Map<String, Set<String>> setsOf = new HashMap<>();
		for (QdcSet set : book.sets()) {
			for (String member : set.memberCodeGuids()) {
				setsOf.computeIfAbsent(member, k -> new java.util.HashSet<>()).add(set.name().strip());
			}
		}
		List<ImportedCode> codes = new ArrayList<>();
		int[] uncoloured = { 0 };
		for (QdcCode code : book.codes()) {
			flatten(code, null, setsOf, codes, uncoloured);
		}
		List<String> notes = new ArrayList<>();
		if (uncoloured[0] > 0) {
			notes.add(uncoloured[0] + " code" + (uncoloured[0] == 1 ? " had" : "s had") + " no colour and got grey");
		}
		return new ImportedCodebook(codes, notes);
	}

	/** Writes codes (in tree order) as a {@code .qdc} file. */
	public static byte[] write(List<Code> codes) {
		Map<String, List<Code>> children = new LinkedHashMap<>();
		Map<Long, String> guidOf = new HashMap<>();
		for (Code c : codes) {
			guidOf.put(c.id().value(), c.guid());
		}
		List<Code> roots = new ArrayList<>();
		for (Code c : codes) {
			if (c.parentId() == null) {
				roots.add(c);
			}
			else {
				children.computeIfAbsent(guidOf.get(c.parentId().value()), k -> new ArrayList<>()).add(c);
			}
		}
		List<QdcCode> qdcCodes = roots.stream().map(c -> toQdc(c, children)).toList();
		Map<String, List<String>> sets = new LinkedHashMap<>();
		for (ReAim d : ReAim.values()) {
			sets.put(RE_AIM_SET + d.label(), new ArrayList<>());
		}
		for (Stance s : Stance.values()) {
			sets.put(s.label(), new ArrayList<>());
		}
		for (Origin o : Origin.values()) {
			sets.put(o.label(), new ArrayList<>());
		}
		for (Code c : codes) {
			for (ReAim d : ReAim.values()) {
				if (c.dimensions().contains(d)) {
					sets.get(RE_AIM_SET + d.label()).add(c.guid());
				}
			}
			if (c.stance() != null) {
				sets.get(c.stance().label()).add(c.guid());
			}
			sets.get(c.origin().label()).add(c.guid());
		}
		List<QdcSet> qdcSets = new ArrayList<>();
		sets.forEach((name, members) -> {
			if (!members.isEmpty()) {
				qdcSets.add(new QdcSet(java.util.UUID.nameUUIDFromBytes(("quire-set:" + name).getBytes(
						java.nio.charset.StandardCharsets.UTF_8)).toString(), name, null, members));
			}
		});
		return QdcWriter.write(new QdcCodebook("Quire", qdcCodes, qdcSets));
	}

	/** The description layout: definition paragraph, then Include/Exclude/Example lines. */
	static String description(CodeDraft d) {
		StringBuilder s = new StringBuilder(d.definition());
		StringBuilder lines = new StringBuilder();
		line(lines, "Include: ", d.inclusion());
		line(lines, "Exclude: ", d.exclusion());
		line(lines, "Example: ", d.example());
		if (!lines.isEmpty()) {
			if (!s.isEmpty()) {
				s.append("\n\n");
			}
			s.append(lines.toString().stripTrailing());
		}
		return s.toString();
	}

	/** Splits a description written in {@link #description(CodeDraft)}'s layout; other text is the definition. */
	static String[] parseDescription(@Nullable String description) {
		String definition = "";
		String include = "";
		String exclude = "";
		String example = "";
		StringBuilder rest = new StringBuilder();
		if (description != null) {
			for (String line : description.replace("\r\n", "\n").split("\n")) {
				String l = line.strip();
				if (l.startsWith("Include:")) {
					include = l.substring(8).strip();
				}
				else if (l.startsWith("Exclude:")) {
					exclude = l.substring(8).strip();
				}
				else if (l.startsWith("Example:")) {
					example = l.substring(8).strip();
				}
				else {
					rest.append(line).append('\n');
				}
			}
			definition = rest.toString().strip();
		}
		return new String[] { definition, include, exclude, example };
	}

	private static void line(StringBuilder out, String label, String value) {
		if (!value.isEmpty()) {
			out.append(label).append(value.replace('\n', ' ')).append('\n');
		}
	}

	private static QdcCode toQdc(Code c, Map<String, List<Code>> children) {
		List<QdcCode> kids = children.getOrDefault(c.guid(), List.of()).stream().map(k -> toQdc(k, children)).toList();
		String description = description(c.draft());
		return new QdcCode(c.guid(), c.name(), c.colour(), true, description.isEmpty() ? null : description, kids);
	}

	private static void flatten(QdcCode code, @Nullable String parent, Map<String, Set<String>> setsOf,
			List<ImportedCode> out, int[] uncoloured) {
		Set<String> sets = setsOf.getOrDefault(code.guid(), Set.of());
		EnumSet<ReAim> dimensions = EnumSet.noneOf(ReAim.class);
		for (ReAim d : ReAim.values()) {
			if (sets.contains(RE_AIM_SET + d.label())) {
				dimensions.add(d);
			}
		}
		Stance stance = sets.contains(Stance.BARRIER.label()) ? Stance.BARRIER
				: sets.contains(Stance.FACILITATOR.label()) ? Stance.FACILITATOR : null;
		Origin origin = sets.contains(Origin.DEDUCTIVE.label()) ? Origin.DEDUCTIVE : Origin.INDUCTIVE;
		String colour = code.color();
		if (colour == null) {
			colour = DEFAULT_COLOUR;
			uncoloured[0]++;
		}
		String[] d = parseDescription(code.description());
		String name = code.name().strip().isEmpty() ? "(unnamed code)" : code.name();
		out.add(new ImportedCode(code.guid(), parent,
				new CodeDraft(name, cut(d[0], 4000), cut(d[1], 2000), cut(d[2], 2000), cut(d[3], 2000), colour,
						dimensions, stance, origin)));
		for (QdcCode child : code.children()) {
			flatten(child, code.guid(), setsOf, out, uncoloured);
		}
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
