package quire.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal: a user account with its hash, so {@link Actors} knows the user without a
 * database look-up. Every user has {@code ROLE_USER}; administrators also {@code ROLE_ADMIN}.
 */
final class QuireUserDetails implements UserDetails {

	private final UserAccount account;

	private final String passwordHash;

	QuireUserDetails(UserAccount account, String passwordHash) {
		this.account = account;
		this.passwordHash = passwordHash;
	}

	UserAccount account() {
		return account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return account.admin() ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isEnabled() {
		return account.enabled();
	}

}
