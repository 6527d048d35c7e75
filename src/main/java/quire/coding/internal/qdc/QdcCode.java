package quire.coding.internal.qdc;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One code of a REFI-QDA codebook with its sub-codes. The values are normalised on construction so that codebooks
 * from different tools compare equal: the GUID in lower case 8-4-4-4-12 without braces, the colour as upper-case
 * {@code #RRGGBB} (or null), the name on one line, the description stripped with {@code \n} line ends (or null).
 *
 * @param guid the code's GUID
 * @param name the code's name, never blank
 * @param color the display colour, {@code #RRGGBB}, or null when the file has none
 * @param codable whether text may be coded with this code ({@code isCodable}); false for pure grouping codes
 * @param description the definition, or null
 * @param children the sub-codes, in file order
 */
public record QdcCode(String guid, String name, @Nullable String color, boolean codable, @Nullable String description,
		List<QdcCode> children) {

	public QdcCode {
		Objects.requireNonNull(guid, "guid");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(children, "children");
		String what = "code '" + name + "'";
		guid = QdcValues.guid(guid, what);
		name = QdcValues.name(name, "code " + guid);
		color = color == null ? null : QdcValues.colour(color, what);
		description = QdcValues.description(description, what);
		children = List.copyOf(children);
	}

	/** A codable code without sub-codes. */
	public static QdcCode leaf(String guid, String name, @Nullable String color, @Nullable String description) {
		return new QdcCode(guid, name, color, true, description, List.of());
	}
}
