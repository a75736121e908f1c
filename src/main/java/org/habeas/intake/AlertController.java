package org.habeas.intake;

import jakarta.validation.Valid;
import org.habeas.casefile.InvalidCaseDataException;
import org.habeas.intake.AlertIntake.Intake;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/alerts}: a coordinator opens an emergency response, one case per detained person. */
@RestController
public class AlertController {

  private final AlertIntake intake;

  public AlertController(AlertIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/alerts")
  @ResponseStatus(HttpStatus.CREATED)
  public Intake file(@Valid @RequestBody Alert alert,
                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                     Authentication user) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return intake.file(alert);
    }
    if (idempotencyKey.length() > 128) {
      throw InvalidCaseDataException.of("Idempotency-Key", "must be at most 128 characters");
    }
    return intake.fileOnce(alert, idempotencyKey, user.getName());
  }
}
