package quire.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The app shell around every view: Quire's name, the side navigation built from the views'
 * {@code @Menu} entries, and the current view's title.
 */
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

	private final H1 title = new H1();

	private final AuthenticationContext authentication;

	public MainLayout(AuthenticationContext authentication) {
		this.authentication = authentication;
		setPrimarySection(Section.DRAWER);
		addToDrawer(createBrand(), createNavigation());
		addToNavbar(new DrawerToggle(), createTitle(), createAccount());
	}

	/** Who is signed in, and the way out. */
	private HorizontalLayout createAccount() {
		Span who = new Span(authentication.getPrincipalName().orElse(""));
		who.setId("signed-in-user");
		who.addClassName("quire-signed-in");
		Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
		signOut.setId("sign-out");
		signOut.addThemeVariants(ButtonVariant.TERTIARY);
		HorizontalLayout account = new HorizontalLayout(who, signOut);
		account.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
		account.addClassName("quire-account");
		return account;
	}

	private Div createBrand() {
		Div brand = new Div(new Span("Quire"));
		brand.addClassName("quire-brand");
		Span tagline = new Span("qualitative research workbench");
		tagline.addClassName("quire-tagline");
		brand.add(tagline);
		return brand;
	}

	private SideNav createNavigation() {
		SideNav nav = new SideNav();
		nav.addClassName("quire-nav");
		for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
			SideNavItem item = new SideNavItem(entry.title(), entry.path());
			if (entry.icon() != null) {
				item.setPrefixComponent(new Icon(entry.icon()));
			}
			nav.addItem(item);
		}
		return nav;
	}

	private H1 createTitle() {
		title.addClassName("quire-view-title");
		return title;
	}

	@Override
	public void afterNavigation(AfterNavigationEvent event) {
		var content = getContent();
		PageTitle pageTitle = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
		title.setText(pageTitle == null ? "" : pageTitle.value());
	}

}
