package org.habeas.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.habeas.casefile.CaseTime;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Habeas' pages: static HTML under {@code static/}, served at their own URLs. Each answer carries
 * the CSRF token (the {@code XSRF-TOKEN} cookie is only written once a token is asked for, and the
 * pages' scripts send it back as {@code X-XSRF-TOKEN}) and the server's "now" (the engine's clock),
 * so that the time left to a deadline on a page agrees with what the server counts as overdue, even
 * on a phone whose clock is wrong.
 *
 * <p>A controller rather than view controllers: Camunda's web apps register a redirect of {@code /}
 * as a view controller, and a forward to {@code /login.html} would need a login of its own.
 */
@Controller
class Pages {

  /** Only this server's scripts, styles and API: pages show personal data. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  @GetMapping("/")
  ResponseEntity<String> dashboard(HttpServletRequest request) {
    return page("dashboard.html", request);
  }

  @GetMapping("/alert")
  ResponseEntity<String> alert(HttpServletRequest request) {
    return page("alert.html", request);
  }

  @GetMapping("/cases/{caseNumber}")
  ResponseEntity<String> caseFile(@PathVariable String caseNumber, HttpServletRequest request) {
    return page("case.html", request);
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request) {
    return page("login.html", request);
  }

  private static ResponseEntity<String> page(String file, HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String html = read(file)
        .replace("__HABEAS_NOW__", CaseTime.now().toString())
        .replace("__CSRF_TOKEN__", csrf == null ? "" : csrf.getToken());
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "same-origin")
        .body(html);
  }

  private static String read(String file) {
    try {
      return new ClassPathResource("static/" + file).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Page " + file + " is missing from the build", e);
    }
  }
}
