package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;

/** The rule tables' FEEL is parsed once per expression. */
class FeelParseCacheTest extends HabeasTest {

  @Test
  void theRuleTablesFeelEngine_parsesEachExpressionOnce() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(FeelParseCache.Factory.class);

    var feel = new FeelParseCache.ParsingOnce(org.camunda.feel.FeelEngine.defaultFunctionProvider(),
        org.camunda.feel.FeelEngine.defaultValueMapper());
    var test = feel.parseUnaryTests("[date(\"2002-07-01\")..date(\"2024-10-29\")[");
    assertThat(test.isRight()).isTrue();
    assertThat(feel.parseUnaryTests("[date(\"2002-07-01\")..date(\"2024-10-29\")[")).isSameAs(test);
    assertThat(feel.parseUnaryTests(">= date(\"2024-10-29\")")).isNotSameAs(test);
    assertThat(feel.parseExpression("servedOn")).isSameAs(feel.parseExpression("servedOn"));
  }
}
