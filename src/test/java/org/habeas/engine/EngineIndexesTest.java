package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Habeas' indexes are on Camunda's tables once the engine has started. */
class EngineIndexesTest extends HabeasTest {

  @Autowired DataSource dataSource;

  @Test
  void jobsAreIndexedByDueDate_andTasksByTheirParent() throws Exception {
    assertThat(indexesOf("ACT_RU_JOB")).contains("HABEAS_IDX_JOB_DUEDATE");
    assertThat(indexesOf("ACT_RU_TASK")).contains("HABEAS_IDX_TASK_PARENT");
  }

  /** Index names of a table, upper case; PostgreSQL keeps unquoted names in lower case, H2 in upper. */
  private List<String> indexesOf(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String name : List.of(table, table.toLowerCase())) {
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (indexes.next()) {
            names.add(String.valueOf(indexes.getString("INDEX_NAME")).toUpperCase());
          }
        }
      }
    }
    return names;
  }
}
