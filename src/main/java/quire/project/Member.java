package quire.project;

import quire.security.UserId;

/** A project member and their role. */
public record Member(UserId userId, String username, String displayName, ProjectRole role) {
}
