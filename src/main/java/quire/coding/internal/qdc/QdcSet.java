package quire.coding.internal.qdc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A named set of codes from a REFI-QDA codebook. Quire keeps code attributes such as a RE-AIM dimension or
 * "Barrier" as sets, because that is what other QDA tools can exchange. Member GUIDs are normalised like code GUIDs
 * and repeated members are kept once; source and note members of other tools are not represented.
 *
 * @param guid the set's GUID, lower case 8-4-4-4-12 without braces
 * @param name the set's name, never blank
 * @param description what the set means, or null
 * @param memberCodeGuids the GUIDs of the member codes, in file order
 */
public record QdcSet(String guid, String name, @Nullable String description, List<String> memberCodeGuids) {

	public QdcSet {
		Objects.requireNonNull(guid, "guid");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(memberCodeGuids, "memberCodeGuids");
		String what = "set '" + name + "'";
		guid = QdcValues.guid(guid, what);
		name = QdcValues.name(name, "set " + guid);
		description = QdcValues.description(description, what);
		Set<String> members = new LinkedHashSet<>();
		for (String member : memberCodeGuids) {
			members.add(QdcValues.guid(Objects.requireNonNull(member, "member GUID of " + what), "member of " + what));
		}
		memberCodeGuids = List.copyOf(members);
	}
}
