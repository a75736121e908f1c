package org.habeas.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks take the user's groups as they are. Camunda first reads every group
 * named in any authorization ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once per
 * command) to leave out the user's groups that have none: a read of the whole table, which holds a row per
 * open task offered to a group, so 10,000 in a surge, and it ran about twenty times per case
 * (docs/BENCHMARKS.md, surge; camunda/camunda-bpm-platform#5485). Habeas' users are in one to three
 * groups, and a group without authorizations matches no row of a check anyway, so nothing is gained by it.
 */
@Component
public class AuthorizationGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>(
        Optional.ofNullable(configuration.getCustomSessionFactories()).orElse(List.of()));
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsTheyAre();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization checks, with the user's groups as they are. */
  static final class GroupsAsTheyAre extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>()
          : new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList());
    }
  }
}
