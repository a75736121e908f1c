package org.habeas.dashboard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.habeas.api.CurrentUser;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;
import org.habeas.engine.WithoutAuthorization;
import org.habeas.security.Groups;
import org.springframework.security.access.AccessDeniedException;
import org.habeas.dashboard.CaseSummaries.Filter;
import org.habeas.dashboard.CaseSummaries.Status;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The cases: the list managers watch, one case with its record, and reporting a release. */
@RestController
public class CaseController {

  /** One case with its open tasks and its record. */
  public record CaseView(@JsonUnwrapped CaseSummary summary, List<TaskView> tasks, List<CaseTimeline.Entry> timeline) {
  }

  /** An open task of the case, and where to do it. */
  public record TaskView(String id, String taskKey, String name, String assignee, List<String> candidateGroups,
                         String tasklistUrl) {
  }

  /** A lawyer's load. */
  public record Workload(String lawyer, long openCases, long openTasks) {
  }

  /** The body of a release report. */
  public record Release(String releasedAt) {
  }

  private final CaseSummaries summaries;
  private final CaseAccess access;
  private final CaseTimeline timeline;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final WithoutAuthorization checked;

  public CaseController(CaseSummaries summaries, CaseAccess access, CaseTimeline timeline, TaskService tasks,
                        RuntimeService runtime, WithoutAuthorization checked) {
    this.summaries = summaries;
    this.access = access;
    this.timeline = timeline;
    this.tasks = tasks;
    this.runtime = runtime;
    this.checked = checked;
  }

  @GetMapping("/api/cases")
  public List<CaseSummary> list(@RequestParam(defaultValue = "open") String status,
                                @RequestParam(defaultValue = "false") boolean overdue,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                Authentication authentication, HttpServletResponse response) {
    CurrentUser user = CurrentUser.of(authentication);
    var result = summaries.list(new Filter(Status.of(status), overdue, user.seesAllCases() ? null : user.userId(), page, size),
        CaseTime.now());
    response.setHeader("X-Total-Count", Long.toString(result.total()));
    return result.cases();
  }

  @GetMapping("/api/cases/{caseNumber}")
  public CaseView get(@PathVariable String caseNumber, Authentication authentication) {
    CaseSummary summary = access.visible(caseNumber, CurrentUser.of(authentication));
    // Habeas has checked that this person may see the case: its whole record is theirs to read.
    return checked.call(() -> new CaseView(summary,
        tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream().map(this::view).toList(),
        timeline.of(caseNumber, Jurisdiction.valueOf(summary.jurisdiction()).zone())));
  }

  @PostMapping("/api/cases/{caseNumber}/release")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void release(@PathVariable String caseNumber, @RequestBody Release release, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    CaseSummary summary = access.visible(caseNumber, user);
    if (!user.groups().contains(Groups.COORDINATORS) && !user.userId().equals(summary.lawyer())) {
      throw new AccessDeniedException("Only coordinators and the case's lawyer report a release");
    }
    checked.run(() -> runtime.createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(caseNumber)
        .setVariable("releasedAt", release.releasedAt()).correlate());
  }

  @GetMapping("/api/workload")
  public List<Workload> workload() {
    Map<String, Long> cases = summaries.openCasesByLawyer();
    return cases.entrySet().stream()
        .map(e -> new Workload(e.getKey(), e.getValue(),
            checked.call(() -> tasks.createTaskQuery().taskAssignee(e.getKey()).count())))
        .toList();
  }

  private TaskView view(Task task) {
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
    return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups,
        "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }
}
