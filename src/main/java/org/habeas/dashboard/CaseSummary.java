package org.habeas.dashboard;

import java.time.OffsetDateTime;

/** A case as the case list shows it: its stage, lawyer and deadlines; never the defender's personal data. */
public record CaseSummary(String caseNumber, String jurisdiction, String status, String stage, String stageName,
                          String lawyer, OffsetDateTime openedAt, OffsetDateTime closedAt,
                          OffsetDateTime detentionDeadline, OffsetDateTime releasedAt, NextDeadline nextDeadline,
                          boolean overdue,
                          int incidents) {
}
