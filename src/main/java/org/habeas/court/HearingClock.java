package org.habeas.court;

import java.time.OffsetDateTime;
import org.habeas.casefile.CaseTime;
import org.springframework.stereotype.Component;

/** Whether a hearing is still ahead, so that nobody is reminded of one already held. */
@Component("hearingClock")
public class HearingClock {

  public boolean isAhead(String hearingAt) {
    return OffsetDateTime.parse(hearingAt).toInstant().isAfter(CaseTime.now());
  }
}
