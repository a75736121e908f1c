package org.habeas.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may reach what. Habeas' pages and {@code /api} need a login (a form for people, HTTP Basic for
 * clients) and, for some calls, a role; which cases a person sees is {@code dashboard.CaseAccess}'s.
 * Camunda's REST API and web apps check their users themselves, against the same identity users.
 */
@Configuration
@ConditionalOnWebApplication
public class WebSecurity {

  /**
   * Requests are timed as a whole (Spring's {@code http.server.requests}); Spring Security would also time
   * each of its filters, logins and checks in some thirty meters: 4% of the JVM's samples during the intake
   * of a surge (docs/BENCHMARKS.md), for figures nobody reads.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Camunda's REST API ({@link EngineRestAuthentication}) and web apps (their own login). */
  @Bean
  @Order(1)
  SecurityFilterChain camundaRestAndWebapps(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    // Explicit path matchers: the engine's REST API is served by a servlet of its own, not Spring MVC.
    return http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/camunda/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain habeasPagesAndApi(HttpSecurity http, IdentityService identity) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    var api = new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/v3/api-docs/**"), paths.matcher("/actuator/**"));
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
            // load balancers ask whether a node is alive and ready; details only for managers and admins
            .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/alerts").hasAuthority(Groups.COORDINATORS)
            .requestMatchers("/api/workload").hasAnyAuthority(Groups.COORDINATORS, Groups.MANAGERS)
            .requestMatchers("/api/cases/*/audit").hasAnyAuthority(Groups.MANAGERS, Groups.ADMINS)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            // A refused request of someone not logged in (e.g. a POST without a CSRF token) is a 401.
            .accessDeniedHandler((request, response, denied) -> response.sendError(isLoggedIn()
                ? HttpStatus.FORBIDDEN.value() : HttpStatus.UNAUTHORIZED.value()))
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
        // Pages send the token from the XSRF-TOKEN cookie; clients that send their credentials with
        // every request (HTTP Basic) cannot be led into a forged request by a page.
        .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
        .addFilterAfter(new EngineUserFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  private static boolean isLoggedIn() {
    var user = SecurityContextHolder.getContext().getAuthentication();
    return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
  }
}
