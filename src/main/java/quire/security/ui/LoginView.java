package quire.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import quire.security.UserService;

/** Sign-in page. Spring Security checks the form; a failed attempt comes back with {@code ?error}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Quire")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm form = new LoginForm();

	private final UserService users;

	LoginView(UserService users) {
		this.users = users;
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		setJustifyContentMode(JustifyContentMode.CENTER);
		add(createBrand(), createForm(), createFirstStartHint());
	}

	private Div createBrand() {
		H1 name = new H1("Quire");
		Paragraph tagline = new Paragraph("qualitative research workbench");
		tagline.addClassName("quire-tagline");
		Div brand = new Div(name, tagline);
		brand.addClassName("quire-login-brand");
		return brand;
	}

	private LoginForm createForm() {
		form.setAction("login");
		form.setForgotPasswordButtonVisible(false);
		LoginI18n i18n = LoginI18n.createDefault();
		i18n.getErrorMessage().setTitle("Wrong user name or password");
		i18n.getErrorMessage().setMessage("Check them and try again. An administrator can set a new password.");
		form.setI18n(i18n);
		return form;
	}

	private Paragraph createFirstStartHint() {
		Paragraph hint = new Paragraph("First start: Quire has no account yet. Open the one-time setup link printed "
				+ "in the server log, or set QUIRE_ADMIN_USERNAME and QUIRE_ADMIN_PASSWORD and restart.");
		hint.setId("first-start-hint");
		hint.setMaxWidth("28rem");
		hint.getStyle().set("text-align", "center");
		hint.setVisible(!users.hasUsers());
		return hint;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}

}
