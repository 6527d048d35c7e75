package quire.coding;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a person writes about a code: its name, definition, inclusion and exclusion notes, an example,
 * its colour ({@code #RRGGBB}), the RE-AIM dimensions it maps to, barrier or facilitator, and whether
 * it is deductive or inductive. The constructor trims and validates.
 */
public record CodeDraft(String name, String definition, String inclusion, String exclusion, String example,
		String colour, Set<ReAim> dimensions, @Nullable Stance stance, Origin origin) {

	private static final Pattern COLOUR = Pattern.compile("#[0-9A-F]{6}");

	public CodeDraft {
		name = name.strip().replaceAll("\\s+", " ");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("a code needs a name");
		}
		if (name.length() > 300) {
			throw new IllegalArgumentException("a code name must be at most 300 characters, was " + name.length());
		}
		definition = limit("definition", definition.strip(), 4000);
		inclusion = limit("inclusion note", inclusion.strip(), 2000);
		exclusion = limit("exclusion note", exclusion.strip(), 2000);
		example = limit("example", example.strip(), 2000);
		colour = colour.strip().toUpperCase(Locale.ROOT);
		if (!COLOUR.matcher(colour).matches()) {
			throw new IllegalArgumentException("a colour must look like #1A7F8E, was '" + colour + "'");
		}
		dimensions = dimensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dimensions));
	}

	/** A new inductive code with only a name and a colour. */
	public static CodeDraft named(String name, String colour) {
		return new CodeDraft(name, "", "", "", "", colour, Set.of(), null, Origin.INDUCTIVE);
	}

	public CodeDraft withName(String newName) {
		return new CodeDraft(newName, definition, inclusion, exclusion, example, colour, dimensions, stance, origin);
	}

	private static String limit(String what, String value, int max) {
		if (value.length() > max) {
			throw new IllegalArgumentException("the " + what + " must be at most " + max + " characters, was "
					+ value.length());
		}
		return value;
	}

}
