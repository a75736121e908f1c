package org.habeas.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Habeas adds the index to Camunda's job table once Camunda has created its tables; it also dates the
 * jobs of a database that was used without this setting, which the job executor would otherwise skip.
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
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement sql = connection.createStatement()) {
      sql.execute("CREATE INDEX IF NOT EXISTS HABEAS_IDX_JOB_DUEDATE ON " + configuration.getDatabaseTablePrefix()
          + "ACT_RU_JOB (DUEDATE_)");
      sql.executeUpdate("UPDATE " + configuration.getDatabaseTablePrefix()
          + "ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Only speed depends on it; another node starting at the same moment may be creating the index.
      log.warn("Could not index Camunda's jobs by due date; the job executor reads every job instead: {}", e.getMessage());
    }
  }
}
