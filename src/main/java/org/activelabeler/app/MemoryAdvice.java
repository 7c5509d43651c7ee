package org.activelabeler.app;

import java.util.Locale;

/**
 * What to say when Java ran out of memory: how much this process may use, and how to start it with more.
 * The window and the command line say the same.
 */
public final class MemoryAdvice {
    private MemoryAdvice() {
    }

    /** One sentence for a person, with the memory this process may use ({@code maxHeapBytes}). */
    public static String describe(long maxHeapBytes) {
        double gigabytes = maxHeapBytes / (double) (1L << 30);
        long more = Math.max(2, Math.round(Math.ceil(gigabytes * 2)));
        return String.format(Locale.ROOT, "Out of memory: this needs more than the %.1f GB Java may use here. Start"
                + " Active Labeler with more (the installed app: set JAVA_TOOL_OPTIONS=-Xmx%dg; the jar: java -Xmx%dg"
                + " -jar active-labeler.jar); a million texts need about 6 GB.", gigabytes, more, more);
    }

    /** {@link #describe(long)} for this process. */
    public static String describe() {
        return describe(Runtime.getRuntime().maxMemory());
    }
}
