package org.habeas.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs people in against the Camunda identity users, the one user store of Habeas; their Camunda
 * groups ({@link Groups}) become their authorities.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final IdentityService identity;

  public CamundaIdentityAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    String user = login.getName();
    Object password = login.getCredentials();
    if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
