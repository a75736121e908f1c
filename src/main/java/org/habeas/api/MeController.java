package org.habeas.api;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the pages. */
@RestController
public class MeController {

  @GetMapping("/api/me")
  public CurrentUser me(Authentication authentication) {
    return CurrentUser.of(authentication);
  }
}
