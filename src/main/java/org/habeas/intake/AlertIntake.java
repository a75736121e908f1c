package org.habeas.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.habeas.intake.Alert.Detainee;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens one {@code detention-response} case per detained person of an alert, all or none. */
@Service
public class AlertIntake {

  public static final String PROCESS = "detention-response";

  /** A case opened for one detainee. */
  public record OpenedCase(String caseNumber, String processInstanceId, String detentionDeadline) {
  }

  /** The cases opened for an alert, linked by the incident id. */
  public record Intake(String incidentId, List<OpenedCase> cases) {
  }

  private final RuntimeService runtime;

  public AlertIntake(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Transactional
  public Intake file(Alert alert) {
    String incidentId = UUID.randomUUID().toString();
    List<OpenedCase> cases = new ArrayList<>();
    for (Detainee detainee : alert.detainees()) {
      ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(PROCESS)
          .setVariables(startVariables(alert, detainee).putValue("incidentId", incidentId))
          .executeWithVariablesInReturn();
      cases.add(new OpenedCase(instance.getBusinessKey(), instance.getId(),
          (String) instance.getVariables().get("detentionDeadline")));
    }
    return new Intake(incidentId, cases);
  }

  /** The alert's fields for one detainee, flattened into the start variables of the process. */
  static VariableMap startVariables(Alert alert, Detainee detainee) {
    return Variables.putValue("jurisdiction", alert.jurisdiction())
        .putValue("reportedBy", alert.reportedBy())
        .putValue("location", alert.location())
        .putValue("placeOfDetention", alert.placeOfDetention())
        .putValue("apprehendedAt", alert.apprehendedAt())
        .putValue("proceeding", alert.proceeding())
        .putValue("suspectedOffence", alert.suspectedOffence())
        .putValue("summary", alert.summary())
        .putValue("defenderName", detainee.name())
        .putValue("organisation", detainee.organisation())
        .putValue("disability", Boolean.TRUE.equals(detainee.disability()))
        .putValue("healthNeeds", detainee.healthNeeds())
        .putValue("safetyConcern", detainee.safetyConcern());
  }
}
