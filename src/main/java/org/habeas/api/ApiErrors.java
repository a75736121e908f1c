package org.habeas.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.habeas.casefile.InvalidCaseDataException;
import org.habeas.casefile.InvalidCaseDataException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How {@code /api} answers what it refuses: {@code application/problem+json}, with {@code errors}
 * naming each bad field. Messages never echo what a client sent in a personal-data field.
 */
@RestControllerAdvice(basePackages = "org.habeas")
public class ApiErrors {

  /** A case that does not exist or that the user may not see: the same answer for both. */
  public static class CaseNotFound extends RuntimeException {
    public CaseNotFound(String caseNumber) {
      super("No case " + caseNumber + " that you may see");
    }
  }

  /** A request that contradicts the state of the case, e.g. a release when none is awaited. */
  public static class Conflict extends RuntimeException {
    public Conflict(String message) {
      super(message);
    }
  }

  @ExceptionHandler(InvalidCaseDataException.class)
  ProblemDetail invalid(InvalidCaseDataException e) {
    return invalid(e.getProblems());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    return invalid(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request body is not the JSON this call takes: check its syntax and "
        + "the types of its fields");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return invalid(List.of(new FieldProblem(e.getName(), "has a value this call does not take")));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalid(HandlerMethodValidationException e) {
    return invalid(e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
            result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList());
  }

  @ExceptionHandler(CaseNotFound.class)
  ProblemDetail notFound(CaseNotFound e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(Conflict.class)
  ProblemDetail conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ProblemDetail nothingAwaited(MismatchingMessageCorrelationException e) {
    return problem(HttpStatus.CONFLICT, "The case awaits no release: it was already reported, or the case is closed");
  }

  private static ProblemDetail invalid(List<FieldProblem> problems) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, problems.stream().map(FieldProblem::toString)
        .reduce((a, b) -> a + "; " + b).orElse("Invalid request"));
    problem.setProperty("errors", problems.stream()
        .map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
