package quire.security.ui;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import quire.security.AccessRefusedException;
import quire.ui.Notifications;

/**
 * The last line behind every view: an error no view caught reaches the person as a message, never
 * as a stack trace. A refusal ("this needs the coder role") and bad input show their own message;
 * anything else shows a short reference that is also in the server log with the details.
 */
@Component
class UiErrors implements VaadinServiceInitListener {

	private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrors::handle));
	}

	static void handle(ErrorEvent event) {
		String message = message(event.getThrowable());
		UI ui = UI.getCurrent();
		if (ui != null) {
			ui.access(() -> Notifications.error(message));
		}
	}

	static String message(Throwable thrown) {
		Throwable t = thrown;
		while (t.getCause() != null && !(t instanceof AccessRefusedException) && !(t instanceof IllegalArgumentException)) {
			t = t.getCause();
		}
		if ((t instanceof AccessRefusedException || t instanceof IllegalArgumentException) && t.getMessage() != null) {
			log.info("Refused in the UI: {}", t.getMessage());
			return t.getMessage();
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error in the UI (reference {})", reference, thrown);
		return "Something went wrong (reference " + reference + "); nothing was changed by the failed step. "
				+ "The server log has the details.";
	}

}
