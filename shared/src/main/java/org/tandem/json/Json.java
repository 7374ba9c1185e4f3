package org.tandem.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The one strict JSON configuration: unknown fields, coercions and trailing tokens are errors. */
public final class Json {
  private Json() {}

  private static final class Shared {
    static final ObjectMapper MAPPER = strictMapper();
  }

  /**
   * The process's strict mapper: an ObjectMapper is thread-safe and costly to build, so the
   * functions of one process share it. Never reconfigure it; derive readers and writers instead.
   */
  public static ObjectMapper shared() {
    return Shared.MAPPER;
  }

  /** A mapper that refuses anything a client did not mean to send. */
  public static ObjectMapper strictMapper() {
    JsonMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(JsonParser.Feature.ALLOW_COMMENTS)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
    for (LogicalType type : new LogicalType[] {
        LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    // An integer is a fine float; a string, a float or a boolean is no integer.
    mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
    mapper.registerModule(timeModule());
    return mapper;
  }

  /** ISO-8601 for {@link Instant} and {@link LocalDate}, without the weight of a datatype module. */
  private static SimpleModule timeModule() {
    SimpleModule module = new SimpleModule("tandem-time");
    module.addSerializer(Instant.class, new ToStringSerializer(Instant.class));
    module.addSerializer(LocalDate.class, new ToStringSerializer(LocalDate.class));
    module.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
      @Override
      protected Instant _deserialize(String value, DeserializationContext ctxt) {
        return Instant.parse(value);
      }
    });
    module.addDeserializer(LocalDate.class, new FromStringDeserializer<>(LocalDate.class) {
      @Override
      protected LocalDate _deserialize(String value, DeserializationContext ctxt) {
        return LocalDate.parse(value);
      }
    });
    return module;
  }
}
