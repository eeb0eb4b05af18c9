package vn.cpms.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests are read strictly (issue 15): no second document after the body, no key twice, no
 * coercion of scalars ({@code "true"} for a boolean, a number for a code, a numeric string or a
 * fraction for a whole number), no {@code null} for a primitive, no number outside the finite
 * doubles ({@code 1e309}). Each is a {@code 400} problem naming the member.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictRequests() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .modulesToInstall(
                new SimpleModule("finite-numbers")
                    .addDeserializer(Double.class, new FiniteDouble()))
            .postConfigurer(
                mapper -> {
                  mapper
                      .coercionConfigFor(LogicalType.Textual)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Boolean)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Integer)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Float)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                });
  }

  /** A {@code Double} that is a finite number written as a number. */
  static final class FiniteDouble extends StdScalarDeserializer<Double> {
    FiniteDouble() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
          && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
        return (Double) context.handleUnexpectedToken(Double.class, p);
      }
      double value = p.getDoubleValue();
      if (Double.isInfinite(value) || Double.isNaN(value)) {
        return (Double) context.handleWeirdNumberValue(Double.class, value, "not a finite number");
      }
      return value;
    }
  }
}
