package org.habeas.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.habeas.security.Groups.ADMINS;
import static org.habeas.security.Groups.COORDINATORS;
import static org.habeas.security.Groups.LAWYERS;
import static org.habeas.security.Groups.MANAGERS;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.habeas.HabeasProperties;
import org.habeas.intake.AlertIntake;
import org.habeas.notify.SendNotice;
import org.habeas.tasklist.MyTasksFilter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The groups of Habeas and what each may do in Camunda, created at start-up and completed if something
 * is missing (never duplicated). Coordinators open and see every case; lawyers see and complete only
 * the tasks assigned to them (the engine grants those per task), in Tasklist's "My tasks" filter;
 * managers see every case, approve payments and retry failed notices; only {@code camunda-admin}
 * administers.
 */
@Component
public class AccessRules implements SmartInitializingSingleton {

  private static final String ANY = "*";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final HabeasProperties habeas;
  private final MyTasksFilter myTasks;

  public AccessRules(IdentityService identity, AuthorizationService authorizations, HabeasProperties habeas,
                     MyTasksFilter myTasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.habeas = habeas;
    this.myTasks = myTasks;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String group : List.of(COORDINATORS, LAWYERS, MANAGERS, ADMINS, habeas.getDutyGroup())) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        Group g = identity.newGroup(group);
        g.setName(group);
        g.setType(ADMINS.equals(group) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(g);
      }
    }
    for (String staff : List.of(COORDINATORS, LAWYERS, MANAGERS)) {
      grant(staff, APPLICATION, "tasklist", ALL);
      grant(staff, USER, ANY, READ);
      grant(staff, GROUP, ANY, READ);
      grant(staff, PROCESS_DEFINITION, ANY, READ);
    }
    grant(COORDINATORS, PROCESS_DEFINITION, AlertIntake.PROCESS, CREATE_INSTANCE, UPDATE_INSTANCE);
    grant(COORDINATORS, PROCESS_INSTANCE, ANY, CREATE, READ);
    grant(LAWYERS, FILTER, myTasks.id(), READ);
    for (String seesAll : List.of(COORDINATORS, MANAGERS)) {
      grant(seesAll, FILTER, ANY, READ);
      grant(seesAll, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
      grant(seesAll, PROCESS_INSTANCE, ANY, READ);
      grant(seesAll, TASK, ANY, READ);
    }
    grant(MANAGERS, APPLICATION, "cockpit", ALL);
    grant(MANAGERS, PROCESS_DEFINITION, SendNotice.NOTICE_PROCESS, UPDATE_INSTANCE, RETRY_JOB);
    grant(MANAGERS, DECISION_DEFINITION, ANY, READ);
    grant(MANAGERS, DEPLOYMENT, ANY, READ);
    for (Resource resource : Resources.values()) {
      grant(ADMINS, resource, ANY, ALL);
    }
  }

  /** Grants the permissions to the group, adding to what it already has on that resource. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(grant::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
