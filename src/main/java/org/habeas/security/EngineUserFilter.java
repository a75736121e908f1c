package org.habeas.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Tells the engine who acts in a request, so that its history records the person behind every step. */
public class EngineUserFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public EngineUserFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    identity.setAuthentication(user.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
