package org.habeas.engine;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor finds the jobs that are due through an index on their due date, instead of reading
 * every job: 10,000 open cases wait on some 15,000 timers, and reading them all at every acquisition
 * took a seventh of the CPU of a surge of alerts (docs/BENCHMARKS.md, surge). So that "due" is one range
 * of the index, every job gets a due date (an asynchronous step's is the moment it was created).
 * The index is one of {@link EngineIndexes}. At start-up this also dates the jobs of a database that was
 * used without this setting, which the job executor would otherwise skip.
 */
@Component
public class JobAcquisitionByDueDate extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setEnsureJobDueDateNotNull(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try {
      EngineTables.update(engine, "UPDATE {prefix}ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL");
    } catch (SQLException e) {
      log.error("Could not date the jobs that have no due date; the job executor does not run them: {}", e.getMessage());
    }
  }
}
