package quire.security.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import quire.security.AccessRefusedException;
import quire.security.SecurityLog;
import quire.security.UserAccount;
import quire.security.UserService;
import quire.ui.MainLayout;
import quire.ui.Notifications;

/** Administrators add people, set passwords and disable accounts. Project roles are set per project. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("User accounts")
@Menu(order = 90, title = "User accounts", icon = "vaadin:key")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
		.withZone(ZoneId.systemDefault());

	private final UserService users;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
		.withZone(ZoneId.systemDefault());

	private final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);

	private final SecurityLog securityLog;

	UsersView(UserService users, SecurityLog securityLog) {
		this.users = users;
		this.securityLog = securityLog;
		addClassName("quire-page");
		add(createHeader(), createGrid(), createSignInLog());
		refresh();
	}

	/** The newest sign-in locks: which account or address, from where, until when. */
	private VerticalLayout createSignInLog() {
		Grid<SecurityLog.Entry> log = new Grid<>(SecurityLog.Entry.class, false);
		log.setId("sign-in-log");
		log.addColumn(e -> TIME.format(e.at())).setHeader("Time").setAutoWidth(true);
		log.addColumn(SecurityLog.Entry::actor).setHeader("From").setAutoWidth(true);
		log.addColumn(SecurityLog.Entry::action).setHeader("Event").setAutoWidth(true);
		log.addColumn(SecurityLog.Entry::target).setHeader("What").setFlexGrow(3);
		log.setItems(securityLog.entries(100));
		log.setAllRowsVisible(true);
		VerticalLayout section = new VerticalLayout(new H3("Sign-in log"), new Paragraph(
				"Accounts and client addresses locked after too many failed sign-ins (newest first, at most 100)."), log);
		section.setPadding(false);
		return section;
	}

	private HorizontalLayout createHeader() {
		VerticalLayout text = new VerticalLayout(new H2("User accounts"), new Paragraph(
				"Everyone who may sign in. What a person may do in a project (owner, coder, viewer) is set on that "
						+ "project's Members page."));
		text.setPadding(false);
		Button add = new Button("New account", VaadinIcon.PLUS.create(), e -> openCreateDialog());
		add.setId("new-user");
		add.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout header = new HorizontalLayout(text, add);
		header.setWidthFull();
		header.setAlignItems(Alignment.CENTER);
		return header;
	}

	private Grid<UserAccount> createGrid() {
		grid.setId("users");
		grid.addColumn(UserAccount::username).setHeader("User name").setAutoWidth(true);
		grid.addColumn(UserAccount::displayName).setHeader("Name").setFlexGrow(2);
		grid.addColumn(u -> u.admin() ? "administrator" : "").setHeader("Administrator").setAutoWidth(true);
		grid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
		grid.addColumn(u -> DATE.format(u.createdAt())).setHeader("Since").setAutoWidth(true);
		grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
		grid.setAllRowsVisible(true);
		return grid;
	}

	private HorizontalLayout actions(UserAccount user) {
		Button password = new Button("Set password", e -> openPasswordDialog(user));
		password.addThemeVariants(ButtonVariant.TERTIARY);
		Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> run(() -> {
			users.setEnabled(user.id(), !user.enabled());
			Notifications.success((user.enabled() ? "Disabled " : "Enabled ") + user.username());
		}));
		toggle.addThemeVariants(ButtonVariant.TERTIARY);
		return new HorizontalLayout(password, toggle);
	}

	private void openCreateDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("New account");
		TextField username = new TextField("User name");
		username.setId("user-username");
		TextField name = new TextField("Name");
		name.setId("user-name");
		PasswordField password = new PasswordField("First password");
		password.setId("user-password");
		password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters; they can change it");
		Checkbox admin = new Checkbox("Administrator (manages accounts)");
		Button create = new Button("Create", e -> run(() -> {
			users.create(username.getValue(), name.getValue(), password.getValue(), admin.getValue());
			Notifications.success("Created the account " + username.getValue().strip());
			dialog.close();
		}));
		create.setId("create-user");
		create.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(username, name, password, admin));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
		dialog.open();
	}

	private void openPasswordDialog(UserAccount user) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("New password for " + user.username());
		PasswordField password = new PasswordField("New password");
		Button save = new Button("Save", e -> run(() -> {
			users.setPassword(user.id(), password.getValue());
			Notifications.success("Set a new password for " + user.username());
			dialog.close();
		}));
		save.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(password);
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
		dialog.open();
	}

	private void run(Runnable action) {
		try {
			action.run();
			refresh();
		}
		catch (IllegalArgumentException | AccessRefusedException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void refresh() {
		grid.setItems(users.list());
	}

}
