package org.habeas.assignment;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.habeas.casefile.CaseData;
import org.habeas.engine.WithoutAuthorization;
import org.habeas.security.Groups;
import org.springframework.stereotype.Component;

/** Accepts the assignment of a case only to a user of the {@code lawyers} group. */
@Component("lawyerAssignment")
public class LawyerAssignment implements TaskListener {

  private final IdentityService identity;
  private final WithoutAuthorization system;

  public LawyerAssignment(IdentityService identity, WithoutAuthorization system) {
    this.identity = identity;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseData assignment = CaseData.of(task);
    String lawyer = assignment.text("lawyer");
    if (lawyer != null && system.call(() -> identity.createUserQuery().userId(lawyer).memberOfGroup(Groups.LAWYERS)
        .count()) == 0) {
      assignment.problem("lawyer", "'" + lawyer + "' is not a lawyer in Habeas; lawyers are: " + system.call(this::lawyers));
    }
    assignment.validate();
    task.setVariable("lawyer", lawyer);
  }

  private String lawyers() {
    return identity.createUserQuery().memberOfGroup(Groups.LAWYERS).orderByUserId().asc().list().stream()
        .map(User::getId).collect(Collectors.joining(", "));
  }
}
