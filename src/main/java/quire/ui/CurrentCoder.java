package quire.ui;

import java.io.Serializable;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;

/**
 * The name codings made in this browser session are recorded under, and which coders' codings the
 * views show. It starts as the signed-in user's name; a researcher may code under another label
 * (for example "Coder B" in a reliability exercise) — the audit log still names the account.
 */
@SpringComponent
@VaadinSessionScope
public class CurrentCoder implements Serializable {

	/** The filter value that shows every coder's codings. */
	public static final String ALL = "All coders";

	private String name;

	CurrentCoder(quire.security.Actors actors) {
		this.name = actors.current() instanceof quire.security.Actor.User u ? u.username() : "Researcher";
	}

	private String shown = ALL;

	public String name() {
		return name;
	}

	public void name(String value) {
		String v = value.strip();
		if (!v.isEmpty()) {
			this.name = v;
		}
	}

	/** Whose codings to show: {@link #ALL} or one coder's name. */
	public String shown() {
		return shown;
	}

	public void shown(String value) {
		this.shown = value;
	}

	/**
	 * Fills a select with "All coders" and the project's coders, shows this session's choice, and on a
	 * change remembers it and runs {@code changed}. The one coder filter of every coding view.
	 */
	public void bind(com.vaadin.flow.component.select.Select<String> select, java.util.List<String> coders, Runnable changed) {
		java.util.List<String> options = new java.util.ArrayList<>();
		options.add(ALL);
		options.addAll(coders);
		select.setItems(options);
		select.setValue(options.contains(shown) ? shown : ALL);
		select.addValueChangeListener(e -> {
			if (e.getValue() != null) {
				shown(e.getValue());
				changed.run();
			}
		});
	}

	/** The coder filter for services: null for all coders. */
	public @org.jspecify.annotations.Nullable String filter() {
		return ALL.equals(shown) ? null : shown;
	}

}
