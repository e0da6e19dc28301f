package org.athanor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A workflow file that is not JSON is refused with where and what, in words, without the parser's internals. */
class JsonErrorsTest {

    @Test
    void aTruncatedFileSaysWhereItEndedAndWhereTheUnclosedArrayOpened() {
        assertThatThrownBy(() -> WorkflowJson.read("{\"id\": \"w1\", \"steps\": [\n", "plan.json"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageStartingWith("plan.json: not valid JSON at line 2, column 1: Unexpected end-of-input")
                .hasMessageContaining("line 1, column 23")
                .hasMessageNotContaining("Source:").hasMessageNotContaining("REDACTED").hasMessageNotContaining("\n");
    }

    @Test
    void aStrayCharacterIsNamedWithItsPlace() {
        assertThatThrownBy(() -> WorkflowJson.read("{\"id\": \"w1\",\n  \"steps\": [] ]\n}", "w.json"))
                .hasMessageStartingWith("w.json: not valid JSON at line 2, column 15: Unexpected close marker ']'")
                .hasMessageNotContaining("Source:");
    }
}
