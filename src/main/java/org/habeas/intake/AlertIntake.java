package org.habeas.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.habeas.api.ApiErrors;
import org.habeas.intake.Alert.Detainee;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final IdempotentRequests answers;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  public AlertIntake(RuntimeService runtime, IdempotentRequests answers, PlatformTransactionManager transactions,
                     ObjectMapper json) {
    this.runtime = runtime;
    this.answers = answers;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
  }

  /** Opens the cases of the alert in one transaction: if one is refused, none is opened. */
  public Intake file(Alert alert) {
    return transaction.execute(status -> start(alert));
  }

  /**
   * Files the alert once per {@code Idempotency-Key} and user: a repeat gets the first answer and opens
   * nothing. The cases and the stored answer commit together, so a failure leaves neither.
   */
  public Intake fileOnce(Alert alert, String idempotencyKey, String user) {
    String hash = fingerprint(alert);
    try {
      return answered(idempotencyKey, user, hash).orElseGet(() -> transaction.execute(status -> {
        Intake intake = start(alert);
        answers.save(idempotencyKey, user, new IdempotentRequests.Answer(hash, write(intake)));
        return intake;
      }));
    } catch (DuplicateKeyException concurrentRepeat) {
      return answered(idempotencyKey, user, hash).orElseThrow(() -> concurrentRepeat);
    }
  }

  private Intake start(Alert alert) {
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

  private Optional<Intake> answered(String key, String user, String hash) {
    return answers.find(key, user).map(answer -> {
      if (!answer.requestHash().equals(hash)) {
        throw new ApiErrors.Conflict("This Idempotency-Key was used for a different alert; use a new key for a new alert");
      }
      try {
        return json.readValue(answer.response(), Intake.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A stored answer could not be read back", e);
      }
    });
  }

  /** A fingerprint of the alert, so that a key reused for another alert is noticed; no data kept. */
  private String fingerprint(Alert alert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(write(alert).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An answer could not be stored", e);
    }
  }

  /** The alert's fields for one detainee, flattened into the start variables of the process. */
  public static VariableMap startVariables(Alert alert, Detainee detainee) {
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
