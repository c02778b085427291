package io.fleetplan.adapters.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetplan.domain.shared.Money;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one JSON mapping of the API. Strict on input: unknown fields, nulls for numbers, floats for
 * integers, strings for numbers and trailing data are all refused (as 400s), so that a client
 * learns of its mistake instead of having it guessed away. Money is written as
 * {@code {"amount": "52000000000.00", "currency": "USD"}}: the amount as a decimal string, never a
 * floating point number.
 */
final class Json {
    /** Decimal inputs with a larger exponent than this are refused before anything scales them. */
    static final int MAX_DECIMAL_SCALE = 64;

    private Json() {
    }

    static ObjectMapper mapper() {
        SimpleModule fleetplan = new SimpleModule("fleetplan");
        fleetplan.addSerializer(Money.class, new MoneySerializer());
        fleetplan.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(fleetplan)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            || type == LogicalType.DateTime ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_100_000).build());
        return mapper;
    }

    private static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("amount", money.amount().toPlainString());
            json.writeStringField("currency", money.currency().getCurrencyCode());
            json.writeEndObject();
        }
    }

    /** Refuses decimals like {@code 1e999999999} whose scaling would cost unbounded memory. */
    private static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && Math.abs(value.scale()) > MAX_DECIMAL_SCALE) {
                return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value,
                        "exponent out of range");
            }
            return value;
        }
    }
}
