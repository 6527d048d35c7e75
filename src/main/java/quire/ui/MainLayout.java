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
import com.vaadin.flow.router.NavigationTrigger;
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

	/**
	 * The browser side of scrolling: the elements that may scroll the page (the document, the app
	 * layout and its content part), each page's last position kept in the tab's session storage as
	 * the reader scrolls, and no saving while the Back button brings a page back (its content is
	 * swapped first, which would store a clamped position under its address).
	 */
	private static final String SCROLL_SCRIPT = """
			const w = window;
			if (!w.quireScroll) {
			  const scrollers = () => {
			    const layout = document.querySelector('vaadin-app-layout');
			    const content = layout && layout.shadowRoot ? layout.shadowRoot.querySelector('[part~="content"], [content]') : null;
			    return [document.scrollingElement, layout, content].filter(e => e);
			  };
			  // The page's own address as the server names it: while a navigation's changes are applied the
			  // browser's location may still show the page being left.
			  const key = () => 'quire-scroll:' + (w.quireScroll.path ?? location.pathname.replace(/^\\/+/, ''));
			  // A page's content swapped for a shorter one shrinks the scroller, and the browser clamps its
			  // position: a scroll event while the scroller shrank is not the reader's and is not saved.
			  let pending = false;
			  let height = 0;
			  const save = () => {
			    if (pending || w.quireScroll.restoring) return;
			    pending = true;
			    requestAnimationFrame(() => {
			      pending = false;
			      const now = Math.max(...scrollers().map(e => e.scrollHeight));
			      const shrank = now < height;
			      height = now;
			      if (!shrank && !w.quireScroll.restoring) {
			        sessionStorage.setItem(key(), String(Math.max(...scrollers().map(e => e.scrollTop))));
			      }
			    });
			  };
			  w.quireScroll = {
			    restoring: false,
			    top: () => scrollers().forEach(e => e.scrollTop = 0),
			    // The page's content may still be laying out: keep trying for up to three seconds.
			    restore: () => {
			      w.quireScroll.restoring = true;
			      const y = Number(sessionStorage.getItem(key()) || 0);
			      const started = performance.now();
			      const step = () => {
			        scrollers().forEach(e => e.scrollTop = y);
			        const at = Math.max(...scrollers().map(e => e.scrollTop));
			        if (Math.abs(at - y) > 2 && performance.now() - started < 3000) {
			          requestAnimationFrame(step);
			        } else {
			          height = Math.max(...scrollers().map(e => e.scrollHeight));
			          w.quireScroll.restoring = false;
			        }
			      };
			      step();
			    }
			  };
			  // Back and Forward are known here (Vaadin may report them to the server as a client-side navigation)
			  w.quireScroll.arrive = (back, target) => {
			    const [path, query] = target.split('?');
			    w.quireScroll.path = path;
			    if (back || w.quireScroll.popped) { w.quireScroll.popped = false; w.quireScroll.restore(); }
			    else if (!/(^|&)turn=/.test(query || '') && !document.getElementById('hit')) { w.quireScroll.top(); }
			  };
			  w.addEventListener('popstate', () => { w.quireScroll.restoring = true; w.quireScroll.popped = true; });
			  w.addEventListener('scroll', save, { passive: true });
			  scrollers().forEach(e => { if (e !== document.scrollingElement) e.addEventListener('scroll', save, { passive: true }); });
			}
			""";

	@Override
	public void afterNavigation(AfterNavigationEvent event) {
		var content = getContent();
		PageTitle pageTitle = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
		title.setText(pageTitle == null ? "" : pageTitle.value());
		// A new page opens at its top (unless it points at a turn or a hit: the transcript scrolls there
		// itself); Back returns to where the reader was on it.
		boolean back = event.getLocationChangeEvent().getTrigger() == NavigationTrigger.HISTORY;
		getElement().executeJs(SCROLL_SCRIPT + "window.quireScroll.arrive($0, $1);", back,
				event.getLocation().getPathWithQueryParameters());
	}


}
