package quire.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages to the researcher: what happened, or why something was refused. */
public final class Notifications {

	private Notifications() {
	}

	public static void success(String message) {
		Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
		n.addThemeVariants(NotificationVariant.SUCCESS);
	}

	public static void error(String message) {
		Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
		n.addThemeVariants(NotificationVariant.ERROR);
	}

}
