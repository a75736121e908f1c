package org.habeas.detention;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/**
 * Checks a reported release ({@code releasedAt}, between apprehension and now) and records whether it
 * came after the detention deadline. A refused release leaves the detention watch waiting.
 */
@Component("releaseRecord")
public class ReleaseRecord implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    CaseData release = CaseData.of(execution);
    Instant releasedAt = release.pastInstant("releasedAt");
    if (releasedAt != null) {
      release.check(!releasedAt.isBefore(release.instant("apprehendedAt")), "releasedAt",
          "lies before the apprehension");
    }
    release.validate();
    execution.setVariable("releasedLate", releasedAt.isAfter(release.instant("detentionDeadline")));
  }
}
