package org.habeas.dashboard;

import org.habeas.api.ApiErrors.CaseNotFound;
import org.habeas.api.CurrentUser;
import org.habeas.casefile.CaseTime;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: coordinators, managers and administrators every case, a lawyer the cases assigned
 * to them. To anyone else a case is as unknown as a missing one (404), so that its existence leaks not.
 */
@Component
public class CaseAccess {

  private final CaseSummaries summaries;

  public CaseAccess(CaseSummaries summaries) {
    this.summaries = summaries;
  }

  public CaseSummary visible(String caseNumber, CurrentUser user) {
    return summaries.find(caseNumber, CaseTime.now())
        .filter(summary -> user.seesAllCases() || user.userId().equals(summary.lawyer()))
        .orElseThrow(() -> new CaseNotFound(caseNumber));
  }
}
