package org.activelabeler.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoReasonsTest {
    @Test
    void namesTheReasonWhereJavaGivesOnlyThePath() {
        assertThat(IoReasons.of(new AccessDeniedException("/data/reviews.csv"))).startsWith("permission denied");
        assertThat(IoReasons.of(new NoSuchFileException("/data/reviews.csv"))).startsWith("not found");
        assertThat(IoReasons.of(new FileSystemException("/data", null, "Is a directory"))).isEqualTo("Is a directory");
        assertThat(IoReasons.of(new EOFException("Unexpected end of ZLIB input stream")))
                .startsWith("the compressed file is cut short");
        assertThat(IoReasons.of(new IOException("No space left on device"))).isEqualTo("No space left on device");
        assertThat(IoReasons.of(new IOException())).isEqualTo("IOException");
    }
}
