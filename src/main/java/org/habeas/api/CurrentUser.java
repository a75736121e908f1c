package org.habeas.api;

import java.util.List;
import org.habeas.security.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling, and what that lets them see. */
public record CurrentUser(String userId, List<String> groups) {

  public static CurrentUser of(Authentication authentication) {
    return new CurrentUser(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
  }

  /** Coordinators, managers and administrators see every case; lawyers only their own. */
  public boolean seesAllCases() {
    return groups.contains(Groups.COORDINATORS) || groups.contains(Groups.MANAGERS) || groups.contains(Groups.ADMINS);
  }

  public boolean isLawyer() {
    return groups.contains(Groups.LAWYERS);
  }
}
