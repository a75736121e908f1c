package org.habeas.engine;

import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Habeas adds to Camunda's tables once Camunda has created them, for look-ups Camunda makes without
 * one, which read the whole table when a surge leaves 10,000 cases open (docs/BENCHMARKS.md, surge):
 * <ul>
 *   <li>the jobs that are due, at every acquisition of the job executor ({@link JobAcquisitionByDueDate});
 *   <li>the subtasks of a task, at every completion of a task (Habeas has none, Camunda looks anyway).
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  /** Index name → table and column, without the table prefix. */
  public static final Map<String, String> INDEXES = Map.of(
      "HABEAS_IDX_JOB_DUEDATE", "ACT_RU_JOB (DUEDATE_)",
      "HABEAS_IDX_TASK_PARENT", "ACT_RU_TASK (PARENT_TASK_ID_)");

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try {
      EngineTables.update(engine, INDEXES.entrySet().stream()
          .map(index -> "CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON {prefix}" + index.getValue())
          .toArray(String[]::new));
    } catch (SQLException e) {
      // Only speed depends on them; another node starting at the same moment may be creating them.
      log.warn("Could not add Habeas' indexes to Camunda's tables; look-ups read whole tables instead: {}",
          e.getMessage());
    }
  }
}
