package quire.corpus;

import java.util.List;

/** A typed attribute of a project's participants; a category keeps its values in order. */
public record Attribute(long id, String name, AttributeKind kind, List<String> categories) {

	public Attribute {
		categories = List.copyOf(categories);
	}

}
