package quire.search.ui;

import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * Polls a page while the search index is checked after an unclean stop and tells it once when the
 * check is over, so a page that held back an action (or showed an incomplete answer) can go on.
 */
final class IndexCheckPoll {

	/** How often the page asks whether the check is over, in milliseconds. */
	static final int INTERVAL_MS = 2000;

	private @Nullable Registration registration;

	private @Nullable UI ui;

	/**
	 * Polls {@code ui} until {@code checking} is false, then stops and runs {@code over}. Does nothing
	 * when it polls already.
	 */
	void start(UI ui, BooleanSupplier checking, Runnable over) {
		if (registration != null) {
			return;
		}
		this.ui = ui;
		ui.setPollInterval(INTERVAL_MS);
		registration = ui.addPollListener(e -> {
			if (!checking.getAsBoolean()) {
				stop();
				over.run();
			}
		});
	}

	/** Stops polling (the page was left, or the check is over). */
	void stop() {
		if (registration != null) {
			registration.remove();
			registration = null;
		}
		if (ui != null) {
			ui.setPollInterval(-1);
			ui = null;
		}
	}

}
