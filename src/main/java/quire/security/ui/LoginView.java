package quire.security.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

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
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
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
		form.setI18n(i18n(null));
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
		boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
		if (error) {
			WrappedSession session = VaadinSession.getCurrent() == null ? null
					: VaadinSession.getCurrent().getSession();
			Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			form.setI18n(i18n(last instanceof LockedException locked ? locked.getMessage() : null));
		}
		form.setError(error);
	}

	/**
	 * The form's texts: a wrong password, or — when sign-in is locked after too many failures — the
	 * lock's own message ("Too many failed sign-ins; try again in 3 minutes.").
	 */
	static LoginI18n i18n(@Nullable String lockMessage) {
		LoginI18n i18n = LoginI18n.createDefault();
		if (lockMessage != null) {
			i18n.getErrorMessage().setTitle("Sign-in locked for a while");
			i18n.getErrorMessage().setMessage(lockMessage);
		}
		else {
			i18n.getErrorMessage().setTitle("Wrong user name or password");
			i18n.getErrorMessage().setMessage("Check them and try again. An administrator can set a new password.");
		}
		return i18n;
	}

}
