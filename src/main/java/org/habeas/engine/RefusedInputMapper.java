package org.habeas.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.habeas.casefile.InvalidCaseDataException;

/**
 * Camunda's REST API wraps every engine exception of a process start or form submission into a 500.
 * Input that Habeas refused is the client's mistake: this answers it with a 400 that names each bad
 * field, and leaves every other error to Camunda's own handler.
 */
@Provider
@Priority(1)
public class RefusedInputMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseDataException refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", refused.getClass().getSimpleName(), "message", refused.getMessage(),
                "fields", refused.getProblems()))
            .build();
      }
    }
    return camundaHandler.toResponse(exception);
  }
}
