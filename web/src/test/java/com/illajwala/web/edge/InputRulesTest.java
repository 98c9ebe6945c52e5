package com.illajwala.web.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputRulesTest {

    @Test
    void textMayHaveLinesAndAnyLanguage() {
        assertThat(InputRules.textProblem("Fever since Monday,\r\n\tछाती में दर्द 🙂", 100)).isEmpty();
    }

    @Test
    void textRefusesNulAndOtherControlCharacters() {
        assertThat(InputRules.textProblem("abc\u0000", 100)).contains("must not contain control characters");
        assertThat(InputRules.textProblem("a\u001bb", 100)).contains("must not contain control characters");
        assertThat(InputRules.textProblem("a\u007fb", 100)).contains("must not contain control characters");
        assertThat(InputRules.textProblem("a\u0085b", 100)).contains("must not contain control characters");
    }

    @Test
    void textRefusesAnUnpairedSurrogate() {
        assertThat(InputRules.textProblem("a\ud83d", 100)).contains("is not valid Unicode text");
        assertThat(InputRules.textProblem("\ude42a", 100)).contains("is not valid Unicode text");
    }

    @Test
    void textRefusesMoreThanItsLength() {
        assertThat(InputRules.textProblem("x".repeat(11), 10)).contains("must be at most 10 characters");
        assertThat(InputRules.textProblem("x".repeat(10), 10)).isEmpty();
    }

    @Test
    void identifiersAreUuidsAndSlugs() {
        assertThat(InputRules.identifierProblem("0f8fad5b-d9cb-469f-a165-70867728950e")).isEmpty();
        assertThat(InputRules.identifierProblem("apollo-koramangala")).isEmpty();
        assertThat(InputRules.identifierProblem("1733385600000-42")).isEmpty();
    }

    @Test
    void identifiersRefuseControlCharactersOtherCharactersAndLength() {
        assertThat(InputRules.identifierProblem("slot\u0000")).contains("must not contain control characters");
        assertThat(InputRules.identifierProblem("slot 1")).contains("must hold only letters, digits and - _ . : ~");
        assertThat(InputRules.identifierProblem("slot/../x")).contains("must hold only letters, digits and - _ . : ~");
        assertThat(InputRules.identifierProblem("x".repeat(InputRules.MAX_IDENTIFIER + 1)))
                .contains("must be at most " + InputRules.MAX_IDENTIFIER + " characters");
    }

    @Test
    void namesSayWhichRuleApplies() {
        assertThat(InputRules.isIdentifierName("appointmentId")).isTrue();
        assertThat(InputRules.isIdentifierName("id")).isTrue();
        assertThat(InputRules.isIdentifierName("appointmentIds")).isTrue();
        assertThat(InputRules.isIdentifierName("reason")).isFalse();
        assertThat(InputRules.isIdentifierName("paid")).isFalse();
        assertThat(InputRules.problem("slotId", "a b", 100)).isPresent();
        assertThat(InputRules.problem("q", "a b", 100)).isEmpty();
    }
}
