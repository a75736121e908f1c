package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task, and the start of every process that people start in Tasklist, refers to a deployed Camunda Form that asks for exactly the variables
 * of the contract (PRODUCT.md), so Tasklist shows a form and submits what the process checks.
 */
class FormsTest extends HabeasTest {

  /** Form id → the variables it submits. */
  private static final Map<String, Set<String>> CONTRACT = Map.ofEntries(
      Map.entry("alert", Set.of("jurisdiction", "reportedBy", "location", "placeOfDetention", "apprehendedAt", "proceeding",
          "suspectedOffence", "summary", "defenderName", "organisation", "disability", "healthNeeds", "safetyConcern")),
      Map.entry("assign-lawyer", Set.of("lawyer")),
      Map.entry("visit-detainee", Set.of("charged", "chargeArticle", "conditions", "safetyRisk")),
      Map.entry("record-hearing", Set.of("court", "hearingAt")),
      Map.entry("record-verdict", Set.of("verdict", "fineMci", "fineAmount", "fineCurrency", "arrestDays", "rulingServedAt")),
      Map.entry("close-case", Set.of("closingSummary")),
      Map.entry("decide-appeal", Set.of("appeal", "appealReason")),
      Map.entry("file-appeal", Set.of("appealFiledAt", "appealCourt")),
      Map.entry("record-appeal-outcome", Set.of("appealOutcome", "fineAmount", "appealDecidedAt")),
      Map.entry("approve-fine-payment", Set.of("approved", "approvalNote")),
      Map.entry("pay-fine", Set.of("paidAt", "paymentReference")));

  @Autowired RepositoryService repository;

  @Test
  void everyFormOfEveryProcessIsDeployedAndAsksForTheContractVariables() throws IOException {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      Map<String, JsonNode> forms = deployedForms(definition.getDeploymentId());
      var model = repository.getBpmnModelInstance(definition.getId());
      Collection<StartEvent> starts = definition.isStartableInTasklist()
          ? model.getModelElementsByType(StartEvent.class) : List.of();
      for (FlowNode node : withForms(model.getModelElementsByType(UserTask.class), starts)) {
        String formRef = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        assertThat(formRef).as("form of %s", node.getId()).isNotNull();
        assertThat(forms).as("deployed form %s", formRef).containsKey(formRef);
        assertThat(keys(forms.get(formRef))).as("variables of form %s", formRef)
            .containsExactlyInAnyOrderElementsOf(CONTRACT.get(formRef));
        checked.add(formRef);
      }
    }
    assertThat(checked).containsAll(CONTRACT.keySet());
  }

  private static List<FlowNode> withForms(Collection<UserTask> tasks, Collection<StartEvent> starts) {
    List<FlowNode> nodes = new ArrayList<>(tasks);
    starts.stream().filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .forEach(nodes::add);
    return nodes;
  }

  private Map<String, JsonNode> deployedForms(String deploymentId) throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode form = new ObjectMapper().readTree(in);
          forms.put(form.get("id").asText(), form);
        }
      }
    }
    return forms;
  }

  private static List<String> keys(JsonNode component) {
    List<String> keys = new ArrayList<>();
    if (component.has("key")) {
      keys.add(component.get("key").asText());
    }
    component.path("components").forEach(child -> keys.addAll(keys(child)));
    return keys;
  }
}
