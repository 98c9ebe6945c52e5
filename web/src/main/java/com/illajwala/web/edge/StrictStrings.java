package com.illajwala.web.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Optional;

/**
 * Every string of a JSON request body, held to {@link InputRules} as it is read: an identifier
 * field (named {@code id} or {@code …Id}, and the elements of a list named {@code …Ids}) by the
 * identifier rule, any other by the text rule. A refused value fails the read with
 * {@link RefusedValue}, answered as a 400 naming the field. Registered on the HTTP decoder's own
 * copy of the object mapper only: events and stored documents are read without it.
 */
public final class StrictStrings {

    private StrictStrings() {
    }

    /** The Jackson module to register on the mapper that reads request bodies. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("illajwala-strict-strings");
        module.addDeserializer(String.class, new Checked(false));
        return module;
    }

    /** A value of a request body the input rules refuse; {@link #problem()} follows the field's name. */
    public static final class RefusedValue extends JsonMappingException {

        private final String problem;

        RefusedValue(JsonParser parser, String problem) {
            super(parser, "Refused value: " + problem);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }

    private static final class Checked extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean identifier;

        Checked(boolean identifier) {
            super(String.class);
            this.identifier = identifier;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean named = property != null && InputRules.isIdentifierName(property.getName());
            return named == identifier ? this : new Checked(named);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            Optional<String> problem = identifier
                    ? InputRules.identifierProblem(value)
                    : InputRules.textProblem(value, InputRules.MAX_BODY_TEXT);
            if (problem.isPresent()) {
                throw new RefusedValue(parser, problem.get());
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
