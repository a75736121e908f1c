package org.habeas.casefile;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that Habeas refuses, naming every bad field. It is a {@link BadUserRequestException}, so the
 * engine rolls the whole step back (nothing is half-created) and REST clients get a 400.
 */
public class InvalidCaseDataException extends BadUserRequestException {

  /** One bad field and what is wrong with it, in words a coordinator or lawyer understands. */
  public record FieldProblem(String field, String problem) {
    @Override
    public String toString() {
      return field + ": " + problem;
    }
  }

  private final transient List<FieldProblem> problems;

  public InvalidCaseDataException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static InvalidCaseDataException of(String field, String problem) {
    return new InvalidCaseDataException(List.of(new FieldProblem(field, problem)));
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
