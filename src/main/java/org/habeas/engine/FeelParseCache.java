package org.habeas.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;

/**
 * The rule tables' FEEL expressions are parsed once, not at every evaluation: Camunda's FEEL engine parses
 * an expression each time it evaluates it (camunda/feel-scala#1149), and parsing was three fifths of the
 * time the rule tables took (docs/BENCHMARKS.md, surge). The expressions are those of the deployed rule
 * tables, so they are few; past {@link #MAX_EXPRESSIONS} the others are parsed each time, as before.
 */
@Component
public class FeelParseCache extends AbstractProcessEnginePlugin {

  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new Factory(configuration));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Camunda's FEEL engine for DMN, with the custom functions the engine is configured with, parsing once. */
  static final class Factory implements FeelEngineFactory {

    private final ProcessEngineConfigurationImpl configuration;

    Factory(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public FeelEngine createInstance() {
      return new ScalaFeelEngine(configuration.getDmnFeelCustomFunctionProviders()) {
        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                              CompositeValueMapper values) {
          return new ParsingOnce(functions, values);
        }
      };
    }
  }

  /** FEEL's engine as Camunda builds it (external functions off), keeping what it parsed. */
  static final class ParsingOnce extends org.camunda.feel.FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsingOnce(FunctionProvider functions, ValueMapper values) {
      super(functions, values, new Configuration(false), org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return parsed(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return parsed(unaryTests, expression, super::parseUnaryTests);
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
        String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> parsed = cache.get(expression);
      if (parsed == null) {
        parsed = parse.apply(expression);
        if (cache.size() < MAX_EXPRESSIONS) {
          cache.put(expression, parsed);
        }
      }
      return parsed;
    }
  }
}
