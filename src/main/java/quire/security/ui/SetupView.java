package quire.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import quire.security.AccessRefusedException;
import quire.security.FirstAdminSetup;
import quire.security.UserService;
import quire.ui.Notifications;

/** The one-time page behind the setup link in the log: creates the first administrator. */
@Route(value = "setup/:token", autoLayout = false)
@PageTitle("Set up Quire")
@AnonymousAllowed
class SetupView extends VerticalLayout implements BeforeEnterObserver {

	private final FirstAdminSetup setup;

	private final TextField username = new TextField("User name");

	private final TextField displayName = new TextField("Your name (shown to the team)");

	private final PasswordField password = new PasswordField("Password");

	private final PasswordField repeat = new PasswordField("Password again");

	private final Button create = new Button("Create administrator");

	private final Paragraph status = new Paragraph();

	private String token = "";

	SetupView(FirstAdminSetup setup) {
		this.setup = setup;
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		VerticalLayout card = new VerticalLayout(new H1("Set up Quire"), new Paragraph("Create the first administrator. "
				+ "They own the demo project and can add the rest of the team."), username, displayName, password, repeat,
				createButton(), status);
		card.setMaxWidth("26rem");
		for (var field : new com.vaadin.flow.component.HasSize[] { username, displayName, password, repeat }) {
			field.setWidthFull();
		}
		add(card);
		password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
		status.setId("setup-status");
	}

	private Button createButton() {
		create.setId("create-admin");
		create.addThemeVariants(ButtonVariant.PRIMARY);
		create.addClickListener(e -> createAdmin());
		return create;
	}

	private void createAdmin() {
		if (!password.getValue().equals(repeat.getValue())) {
			Notifications.error("The two passwords differ.");
			return;
		}
		try {
			setup.complete(token, username.getValue(), displayName.getValue(), password.getValue());
			getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
		}
		catch (IllegalArgumentException | AccessRefusedException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		token = event.getRouteParameters().get("token").orElse("");
		boolean valid = setup.accepts(token);
		for (var field : new com.vaadin.flow.component.HasEnabled[] { username, displayName, password, repeat, create }) {
			field.setEnabled(valid);
		}
		status.setText(valid ? "" : "This setup link is not valid or has been used already. Sign in instead.");
	}

}
