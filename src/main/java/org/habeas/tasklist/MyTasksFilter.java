package org.habeas.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * Tasklist's first filter, "My tasks": the tasks assigned to whoever looks, newest first. It is the
 * lawyers' only filter (security.AccessRules): they may see only their own tasks, which this filter
 * reads through the assignee index, where "All tasks" would check the authorizations of every open task
 * of every case (docs/BENCHMARKS.md, surge: 10,000 open cases).
 */
@Component
public class MyTasksFilter {

  public static final String NAME = "My tasks";

  private final FilterService filters;
  private final TaskService tasks;

  public MyTasksFilter(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** The filter's id; the filter is created if it is missing. */
  public String id() {
    Filter filter = filters.createFilterQuery().filterName(NAME).singleResult();
    if (filter == null) {
      filter = filters.saveFilter(filters.newTaskFilter(NAME)
          .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().desc())
          .setProperties(Map.of("priority", -10, "description", "The tasks assigned to me", "refresh", true)));
    }
    return filter.getId();
  }
}
