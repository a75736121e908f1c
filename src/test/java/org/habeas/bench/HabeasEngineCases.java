package org.habeas.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.habeas.bench.CaseLifecycle.Step;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;

/**
 * Habeas' cases driven through the engine's Java API, as the raw engine is: the same processes, delegates,
 * listeners, notices, history and authorization checks as over HTTP, without HTTP. Each step runs as its
 * user (with their groups), the alert through {@link AlertIntake}, the release as the case page reports it.
 */
public final class HabeasEngineCases implements CaseDriver {

  private final AlertIntake intake;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  public HabeasEngineCases(HabeasServer habeas) {
    this.intake = habeas.bean(AlertIntake.class);
    this.tasks = habeas.bean(TaskService.class);
    this.runtime = habeas.bean(RuntimeService.class);
    this.identity = habeas.bean(IdentityService.class);
  }

  @Override
  public String open(int n, Alert alert) {
    as("coordinator");
    try {
      return intake.file(alert).cases().get(0).caseNumber();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public void pass(String caseNumber, Step step) {
    if (step.isRelease()) {
      // as CaseController does, once it has checked that the caller may report the release
      runtime.createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(caseNumber)
          .setVariables(step.variables()).correlate();
      return;
    }
    as(step.user());
    try {
      Task task = CaseDriver.poll(caseNumber, step, () -> tasks.createTaskQuery()
          .processInstanceBusinessKey(caseNumber).taskDefinitionKey(step.task()).singleResult());
      tasks.complete(task.getId(), step.variables());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Logs {@code user} in for this thread; their groups are looked up once (the driver's work, not Habeas'). */
  private void as(String user) {
    identity.setAuthentication(user, groups.computeIfAbsent(user, u ->
        identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList()));
  }
}
