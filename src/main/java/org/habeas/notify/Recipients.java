package org.habeas.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.habeas.HabeasProperties;
import org.habeas.notify.Notice.Audience;
import org.habeas.engine.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** The e-mail addresses of a notice's audience, from the Camunda identity users. */
@Component
public class Recipients {

  private final IdentityService identity;
  private final HabeasProperties habeas;
  private final WithoutAuthorization system;

  public Recipients(IdentityService identity, HabeasProperties habeas, WithoutAuthorization system) {
    this.identity = identity;
    this.habeas = habeas;
    this.system = system;
  }

  public List<String> of(Audience audience, VariableScope scope) {
    return system.call(() -> lookUp(audience, scope));
  }

  private List<String> lookUp(Audience audience, VariableScope scope) {
    Set<String> groups = new LinkedHashSet<>(audience.groups());
    if (audience.dutyLawyers()) {
      groups.add(habeas.getDutyGroup());
    }
    Stream<User> members = groups.stream()
        .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream());
    Object lawyer = audience.caseLawyer() ? scope.getVariable("lawyer") : null;
    Stream<User> caseLawyer = lawyer == null ? Stream.empty()
        : Stream.ofNullable(identity.createUserQuery().userId(lawyer.toString()).singleResult());
    return Stream.concat(members, caseLawyer).map(User::getEmail).filter(Objects::nonNull)
        .filter(email -> !email.isBlank()).distinct().sorted().toList();
  }
}
