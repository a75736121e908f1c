package org.habeas.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Tasklist's first filter, "My tasks": the tasks assigned to whoever looks, newest first, created at
 * start-up if missing. A lawyer sees only their own tasks in any filter, but the "All tasks" filter finds
 * them by checking the authorizations of every open task of every case; this one reads theirs through the
 * assignee index (docs/BENCHMARKS.md, surge: 10,000 open cases).
 */
@Component
public class MyTasksFilter implements SmartInitializingSingleton {

  public static final String NAME = "My tasks";

  private final FilterService filters;
  private final TaskService tasks;

  public MyTasksFilter(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (filters.createFilterQuery().filterName(NAME).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(NAME)
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().desc())
        .setProperties(Map.of("priority", -10, "description", "The tasks assigned to me", "refresh", true));
    filters.saveFilter(filter);
  }
}
