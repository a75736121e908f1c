package org.habeas.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.habeas.bench.CaseLifecycle.Step;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;

/**
 * The yardstick: a bare Camunda engine in this JVM, on its own fresh database, with Habeas' engine
 * settings that cost time (full history, job executor pool, connection pool) and none of its code, running
 * {@code bench/raw-lifecycle.bpmn} (the same wait states) through the Java API.
 */
public final class RawEngine implements CaseDriver, AutoCloseable {

  private final ProcessEngine engine;

  /** {@code habeasJobs} and {@code habeasConnections}: Habeas' job executor settings and connection pool size. */
  public RawEngine(BenchDatabase database, JobExecutionProperty habeasJobs, int habeasConnections) {
    DefaultJobExecutor jobs = new DefaultJobExecutor();
    jobs.setCorePoolSize(habeasJobs.getCorePoolSize());
    jobs.setMaxPoolSize(habeasJobs.getMaxPoolSize());
    jobs.setQueueSize(habeasJobs.getQueueCapacity());
    jobs.setMaxJobsPerAcquisition(habeasJobs.getMaxJobsPerAcquisition());
    jobs.setLockTimeInMillis(habeasJobs.getLockTimeInMillis());
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("raw");
    config.setJdbcUrl(database.url());
    config.setJdbcDriver(database.driver());
    config.setJdbcUsername(database.user());
    config.setJdbcPassword(database.password());
    config.setJdbcMaxActiveConnections(habeasConnections);
    config.setDatabaseSchemaUpdate("true");
    config.setHistory("full");
    config.setJobExecutor(jobs);
    config.setJobExecutorActivate(true);
    config.setMetricsEnabled(false);
    engine = config.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bench/raw-lifecycle.bpmn").deploy();
  }

  @Override
  public String open(int n, Alert alert) {
    String key = "RAW-" + n;
    engine.getRuntimeService().startProcessInstanceByKey("raw-lifecycle", key,
        AlertIntake.startVariables(alert, alert.detainees().get(0)));
    return key;
  }

  @Override
  public void pass(String businessKey, Step step) {
    if (step.isRelease()) {
      engine.getRuntimeService().createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(businessKey)
          .setVariables(step.variables()).correlate();
      return;
    }
    Task task = CaseDriver.poll(businessKey, step, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey).taskDefinitionKey(step.task()).singleResult());
    engine.getTaskService().complete(task.getId(), step.variables());
  }

  @Override
  public void close() {
    engine.close();
  }
}
