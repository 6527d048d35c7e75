package quire.api.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import quire.api.ApiScope;
import quire.api.ApiToken;
import quire.api.ApiTokenService;
import quire.api.NewApiToken;
import quire.ui.MainLayout;
import quire.ui.Notifications;

/**
 * Each signed-in user's personal access tokens for the REST API: create one with a name, a scope and
 * an optional expiry (the secret is shown once, here, and never again), see when each was last used,
 * and revoke any at once.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens")
@Menu(order = 95, title = "API tokens", icon = "vaadin:code")
@PermitAll
class ApiTokensView extends VerticalLayout {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
		.withZone(ZoneId.systemDefault());

	private final ApiTokenService tokens;

	private final TextField name = new TextField("Name");

	private final RadioButtonGroup<ApiScope> scope = new RadioButtonGroup<>("Scope");

	private final DatePicker expires = new DatePicker("Expires (optional)");

	private final VerticalLayout secretBox = new VerticalLayout();

	private final Grid<ApiToken> grid = new Grid<>(ApiToken.class, false);

	ApiTokensView(ApiTokenService tokens) {
		this.tokens = tokens;
		addClassName("quire-page");
		add(createIntro(), createForm(), createSecretBox(), createGrid());
		refresh();
	}

	private VerticalLayout createIntro() {
		VerticalLayout intro = new VerticalLayout(new H2("API tokens"), new Paragraph(
				"A token lets an analysis script in R, Python or Stata read this Quire's data as you, with your role in "
						+ "each project: a read token may only read; a read-write token may also code, write memos and "
						+ "import, where your role allows. Send it as 'Authorization: Bearer qr_...'. The API is "
						+ "described at /api/v1/docs; examples are in the docs/api folder of Quire's source."));
		intro.setPadding(false);
		return intro;
	}

	private HorizontalLayout createForm() {
		name.setId("token-name");
		name.setPlaceholder("e.g. R analysis on my laptop");
		name.setMaxLength(100);
		scope.setId("token-scope");
		scope.setItems(ApiScope.values());
		scope.setItemLabelGenerator(ApiScope::label);
		scope.setValue(ApiScope.READ);
		expires.setId("token-expires");
		expires.setMin(LocalDate.now().plusDays(1));
		Button create = new Button("Create token", VaadinIcon.PLUS.create(), e -> create());
		create.setId("create-token");
		create.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout form = new HorizontalLayout(name, scope, expires, create);
		form.setAlignItems(FlexComponent.Alignment.BASELINE);
		return form;
	}

	private VerticalLayout createSecretBox() {
		secretBox.setId("token-secret-box");
		secretBox.setPadding(false);
		secretBox.setVisible(false);
		return secretBox;
	}

	private Grid<ApiToken> createGrid() {
		grid.setId("tokens");
		grid.addColumn(ApiToken::name).setHeader("Name").setFlexGrow(2);
		grid.addColumn(t -> t.scope().label()).setHeader("Scope").setAutoWidth(true);
		grid.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
		grid.addColumn(t -> format(t.lastUsedAt(), "never")).setHeader("Last used").setAutoWidth(true);
		grid.addColumn(t -> format(t.expiresAt(), "never")).setHeader("Expires").setAutoWidth(true);
		grid.addColumn(t -> t.status(Instant.now())).setHeader("Status").setAutoWidth(true);
		grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
		grid.setAllRowsVisible(true);
		return grid;
	}

	private Button revokeButton(ApiToken token) {
		Button revoke = new Button("Revoke", e -> revoke(token));
		revoke.setId("revoke-" + token.id());
		revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
		revoke.setEnabled(token.revokedAt() == null);
		return revoke;
	}

	/** Creates a token from the form and shows its secret once. */
	void create() {
		try {
			LocalDate until = expires.getValue();
			Instant expiry = until == null ? null : until.atStartOfDay(ZoneOffset.UTC).toInstant();
			NewApiToken created = tokens.create(name.getValue(), scope.getValue(), expiry);
			showSecret(created);
			name.clear();
			expires.clear();
			refresh();
		}
		catch (IllegalArgumentException | IllegalStateException | quire.security.AccessRefusedException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	/**
	 * Browser-side: copies $0 to the clipboard (the Clipboard API where the page may use it, else the
	 * older copy command on a hidden text area); resolves to whether it was copied.
	 */
	static final String COPY = """
			const text = $0;
			const legacy = () => { const ta = document.createElement('textarea'); ta.value = text;
			  ta.style.position = 'fixed'; ta.style.opacity = '0'; document.body.appendChild(ta); ta.select();
			  let ok = false; try { ok = document.execCommand('copy'); } catch (e) { ok = false; } ta.remove(); return ok; };
			if (navigator.clipboard && window.isSecureContext) {
			  return navigator.clipboard.writeText(text).then(() => true, () => legacy());
			}
			return legacy();""";

	private void showSecret(NewApiToken created) {
		secretBox.removeAll();
		TextField secret = new TextField("Your new token '" + created.token().name() + "'");
		secret.setId("token-secret");
		secret.setValue(created.secret());
		secret.setReadOnly(true);
		secret.setWidthFull();
		Span warning = new Span("Copy it now: Quire keeps only a hash of it and cannot show it again.");
		warning.setId("token-secret-warning");
		Span copied = new Span();
		copied.setId("token-copy-status");
		Button copy = new Button("Copy", VaadinIcon.COPY.create());
		copy.setId("token-copy");
		copy.addClickListener(e -> copy.getElement().executeJs(COPY, created.secret()).then(Boolean.class,
				ok -> copied.setText(Boolean.TRUE.equals(ok) ? "Copied to the clipboard."
						: "The browser did not allow copying: select the token and press Ctrl+C."),
				error -> copied.setText("The browser did not allow copying: select the token and press Ctrl+C.")));
		Button done = new Button("I have copied it", e -> {
			secretBox.removeAll();
			secretBox.setVisible(false);
		});
		done.setId("token-secret-done");
		HorizontalLayout actions = new HorizontalLayout(copy, done, copied);
		actions.setAlignItems(FlexComponent.Alignment.CENTER);
		secretBox.add(secret, warning, actions);
		secretBox.setVisible(true);
	}

	private void revoke(ApiToken token) {
		try {
			tokens.revoke(token.id());
			Notifications.success("Token '" + token.name() + "' revoked; scripts using it are refused from now on.");
			refresh();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void refresh() {
		grid.setItems(tokens.tokens());
	}

	private static String format(@Nullable Instant instant, String none) {
		return instant == null ? none : WHEN.format(instant);
	}

}
