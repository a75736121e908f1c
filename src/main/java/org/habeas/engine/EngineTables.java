package org.habeas.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Changes Habeas makes to Camunda's tables at start-up, once Camunda has created them. */
final class EngineTables {

  private EngineTables() {
  }

  /** Runs the statements in one transaction; {@code {prefix}} in a statement is the tables' prefix. */
  static void update(ProcessEngine engine, String... statements) throws SQLException {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement.replace("{prefix}", configuration.getDatabaseTablePrefix()));
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }
}
