package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor finds due jobs through an index on the due date, which every job has. */
class JobAcquisitionByDueDateTest extends HabeasTest {

  @Autowired DataSource dataSource;

  @Test
  void anAsynchronousStep_isDueWhenCreated_andDueDatesAreIndexed() throws Exception {
    ProcessInstance notice = notices(startCase(alert())).get(0);
    assertThat(job(notice, "MailNotice").getDuedate()).isEqualTo(Date.from(NOW));
    assertThat(management.createJobQuery().processInstanceId(notice.getId()).executable().count()).isOne();
    assertThat(indexesOf("ACT_RU_JOB")).contains("HABEAS_IDX_JOB_DUEDATE");
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
