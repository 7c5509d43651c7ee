package org.activelabeler.dataset.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;

/**
 * Notes which physical lines are empty (a line break right at the start of a line), counting LF,
 * CR and CRLF as one break each as the CSV parser does, so that the parser's skipped empty lines can
 * be added back when telling on which line a record starts.
 */
final class EmptyLineTrackingReader extends FilterReader {
    private final BitSet emptyLines = new BitSet();
    private int line = 1;
    private boolean lineHasText;
    private boolean afterCarriageReturn;

    EmptyLineTrackingReader(Reader in) {
        super(in);
    }

    /** The first line at or after {@code line} that is not empty, as far as the text was read. */
    long firstNonEmptyLine(long line) {
        return line > Integer.MAX_VALUE ? line : emptyLines.nextClearBit((int) line);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
            } else if (c == '\n' || c == '\r') {
                if (!lineHasText) {
                    emptyLines.set(line);
                }
                line++;
                lineHasText = false;
                afterCarriageReturn = c == '\r';
            } else {
                lineHasText = true;
                afterCarriageReturn = false;
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }
}
