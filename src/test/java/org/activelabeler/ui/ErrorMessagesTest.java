package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void runningOutOfMemorySaysHowToStartWithMoreAndThatTheLabelsAreSaved() {
        String message = ErrorMessages.describe(new java.util.concurrent.ExecutionException(
                new OutOfMemoryError("Java heap space")));

        assertThat(message).startsWith("Out of memory: this needs more than the").endsWith("Your labels are saved.")
                .doesNotContain("Something went wrong");
    }
}
