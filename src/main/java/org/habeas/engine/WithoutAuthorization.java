package org.habeas.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs Habeas' own engine calls without the acting person's Camunda authorizations: looking up rule
 * tables and recipients, starting notices, reading a case's record once Habeas has checked that the
 * person may see that case. The person stays the author in the engine's history.
 */
@Component
public class WithoutAuthorization {

  private final ProcessEngineConfigurationImpl engine;

  public WithoutAuthorization(@Lazy ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> call) {
    CommandContext current = Context.getCommandContext();
    return current != null ? current.runWithoutAuthorization(call::get)
        : engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call::get));
  }

  public void run(Runnable run) {
    call(() -> {
      run.run();
      return null;
    });
  }
}
