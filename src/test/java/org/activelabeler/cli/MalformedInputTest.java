package org.activelabeler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed-input corpus: bad files and bad command lines, each with the exit code and the
 * message a person gets. None prints a stack trace, none leaves anything half-written. The table of
 * what each case printed is written to {@code target/malformed-inputs.md} for docs/reliability.md.
 */
class MalformedInputTest {
    @TempDir
    static Path dir;
    private static Path db;
    private static Path pool;
    private static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void prepare() {
        db = dir.resolve("db");
        pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(3).distinct(60));
        TABLE.add("| # | case | exit | message |");
        TABLE.add("|---:|---|---:|---|");
    }

    @AfterAll
    static void writeTable() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "malformed-inputs.md"), TABLE, StandardCharsets.UTF_8);
    }

    @Test
    void badFilesAreRefusedWithTheFileTheLineAndWhatToDo() throws IOException {
        importFails("an empty file", text("empty.csv", ""), "the file is empty");
        importFails("a header and nothing else", text("header-only.csv", "review,sentiment\n"),
                "no rows after the header line");
        importFails("no text column", text("no-text.csv", "body,sentiment\n\"good\",positive\n"),
                "no-text.csv:1: no text column: none of review, text, sentence, question, content (found: body,"
                + " sentiment); name the text column with --text-column");
        importFails("a text column that is not there", text("named.csv", "body,sentiment\n\"good\",positive\n"),
                "there is no column 'words'", "--text-column", "words");
        importFails("a column named twice", text("twice.csv", "review,sentiment,sentiment\n\"a\",positive,negative\n"),
                "twice.csv:1: the header names the column 'sentiment' twice");
        importFails("a label outside the declared set", text("neutral.csv",
                "review,sentiment\n\"fine\",positive\n\"so-so\",neutral\n"),
                "neutral.csv:3: unknown label 'neutral'; the label set is 'negative', 'positive'", "--labels",
                "negative,positive");
        importFails("one class only", text("one-class.csv", "text,label\n\"a\",Sports\n\"b\",Sports\n"),
                "has one class only ('Sports')");
        importFails("more than 50 classes", text("many.csv", "text,label\n" + java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "\"text " + i + "\",c" + i + "\n").collect(java.util.stream.Collectors.joining())),
                "51 different values, more than the 50 classes");
        importFails("a class declared twice", text("twice-declared.csv", "text,label\n\"a\",x\n"),
                "The class 'X' is named twice", "--labels", "x,y,X");
        importFails("a JSON line that is not JSON", text("broken.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"open\n"),
                "broken.jsonl:2: not valid JSON");
        importFails("a JSON line without the text", text("notext.jsonl", "{\"text\": \"ok\"}\n{\"label\": \"x\"}\n"),
                "notext.jsonl:2: no 'text' field");
        importFails("a TSV row with too many fields", text("rows.tsv", "text\tlabel\na\tb\tc\n"),
                "rows.tsv:2: expected 2 fields as in the header, found 3");
        importFails("an empty review", text("empty-review.csv", "review,sentiment\n\"ok\",positive\n\"\",negative\n"),
                "empty-review.csv:3: empty text");
        importFails("a blank review", text("blank-review.csv", "review,sentiment\n\"   \",negative\n"),
                "blank-review.csv:2: empty text");
        importFails("too many fields", text("fields.csv", "review,sentiment\ngood, really,positive\n"),
                "fields.csv:2: expected 2 fields as in the header, found 3");
        importFails("too few fields", text("few.csv", "review,sentiment\n\"good\"\n"),
                "few.csv:2: expected 2 fields as in the header, found 1");
        importFails("a quote never closed", text("quote.csv", "review,sentiment\n\"ok\",positive\n\"never closed,negative\n"),
                "quote.csv:3: broken quoting");
        importFails("text that is not UTF-8", bytes("latin1.csv", "review,sentiment\n\"caf\u00e9\",positive\n"
                .getBytes(StandardCharsets.ISO_8859_1)), "not valid UTF-8");
        importFails("random bytes", bytes("random.csv", randomBytes()), "random.csv");
        importFails("a .csv.gz cut short", bytes("cut.csv.gz", Arrays.copyOf(gzip(SyntheticReviews.toCsv(
                new SyntheticReviews(4).distinct(400))), 900)), "cut.csv.gz: the compressed file is cut short");
        byte[] damaged = gzip(SyntheticReviews.toCsv(new SyntheticReviews(4).distinct(50)));
        for (int i = 20; i < 60; i++) {
            damaged[i] ^= 0x5A;
        }
        importFails("a damaged .csv.gz", bytes("damaged.csv.gz", damaged), "damaged.csv.gz");
        importFails("a review over 1,000,000 characters", text("long.csv", "review,sentiment\n\"ok\",positive\n\""
                + "word ".repeat(200_001) + "\",negative\n"), "long.csv:3: the text has 1,000,005 characters, more"
                + " than the 1,000,000 a text may have");
        importFails("a file that is not there", dir.resolve("missing.csv"), "missing.csv: file not found");
        importFails("a folder instead of a file", Files.createDirectories(dir.resolve("a-folder.csv")),
                "a-folder.csv: cannot be read");
        // none of them left a dataset behind
        String listed = run(0, "datasets", "--db", db.toString());
        assertThat(listed).contains("No datasets in");
    }

    @Test
    void badCommandLinesSayWhatIsWrong() throws IOException {
        Path aFile = text("not-a-folder", "x");
        fails("--db naming a file", 1, "is a file, not a folder", "datasets", "--db", aFile.toString());
        fails("--db naming a file, for import", 1, "is a file, not a folder", "import", "--data", pool.toString(),
                "--db", aFile.toString());
        Path fresh = dir.resolve("fresh-folder");
        assertThat(run(0, "datasets", "--db", fresh.toString())).contains("No datasets: there is no database in");
        assertThat(fresh).as("datasets creates nothing").doesNotExist();
        record("datasets on a new folder", 0, "No datasets: there is no database in ... yet");
        fails("deleting a dataset that is not there", 1, "No dataset 'nosuch'", "datasets", "--db", db.toString(),
                "--delete", "nosuch");
        fails("an unknown strategy", 1, "Unknown strategy 'foo'", "simulate", "--features", "tfidf,lsa", "--data", pool.toString(),
                "--strategy", "foo", "--db", db.toString());
        fails("a batch of 0", 1, "--batch must be at least 1", "simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--batch", "0",
                "--db", db.toString());
        fails("a budget below the initial labels", 1, "--max-labels (5) must be at least --init (10)", "simulate", "--features", "tfidf,lsa",
                "--data", pool.toString(), "--init", "10", "--max-labels", "5", "--db", db.toString());
        fails("a budget above the pool", 1, "is more than the", "simulate", "--features", "tfidf,lsa", "--data", pool.toString(),
                "--max-labels", "1000", "--db", db.toString(), "--tracking-uri", "http://127.0.0.1:9");
        Path unlabeled = text("unlabeled.csv", "review\n\"one\"\n\"two\"\n\"three\"\n");
        fails("simulating on unlabeled text", 1, "the simulated oracle needs a file with a label column filled for every text",
                "simulate", "--features", "tfidf,lsa", "--data", unlabeled.toString(), "--db", db.toString());
        fails("an unknown label source", 1, "--labels is 'foo'", "train", "--data", pool.toString(), "--labels", "foo",
                "--db", db.toString());
        fails("a tracking URI with a password (ftp)", 1, "is not supported", "sync", "--db", db.toString(),
                "--tracking-uri", "ftp://user:secret-pw@host");
        fails("a tracking URI with a password (http)", 1, "Put MLflow credentials in", "sync", "--db",
                db.toString(), "--tracking-uri", "http://user:secret-pw@host:5000");
        fails("an unknown option", 2, "Unknown option: '--foo'", "import", "--data", pool.toString(), "--foo");
        fails("a missing required option", 2, "Missing required option: '--data=FILE'", "import");
        fails("an unknown command", 2, "Unmatched argument", "labelize");
    }

    @Test
    void everyCommandAnswersHelpAndVersionTheStandardWay() {
        for (String command : List.of("import", "simulate", "bench", "datasets", "sync", "train", "evaluate",
                "tracking-server", "export", "embed")) {
            String help = run(0, command, "--help");
            assertThat(help).as(command).contains("Usage: active-labeler " + command).doesNotContain("Could not format");
            assertThat(run(0, command, "-h")).as(command).contains("Usage: active-labeler " + command);
            assertThat(run(0, command, "--version")).as(command).startsWith("active-labeler ");
        }
        record("--help, -h and --version of every command", 0, "usage or version, no warnings");
    }

    private static void importFails(String what, Path file, String expected, String... options) {
        List<String> args = new ArrayList<>(List.of("import", "--data", file.toString(), "--db", db.toString()));
        args.addAll(List.of(options));
        fails(what, 1, expected, args.toArray(String[]::new));
    }

    private static void fails(String what, int exit, String expected, String... args) {
        String output = run(exit, args);
        assertThat(output).as(what).contains(expected).doesNotContain("secret-pw").doesNotContain("\tat ")
                .doesNotContain("Exception");
        String message = output.lines().filter(l -> l.startsWith("error:")).findFirst()
                .orElse(output.lines().filter(l -> !l.isBlank()).findFirst().orElse(""))
                .replace(dir.toString(), "...").replace("|", "\\|");
        record(what, exit, message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }

    private static void record(String what, int exit, String message) {
        TABLE.add("| " + (TABLE.size() - 1) + " | " + what + " | " + exit + " | " + message + " |");
    }

    private static String run(int expectedExit, String... args) {
        return CommandLineRun.expect(expectedExit, args);
    }

    private static Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] randomBytes() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        return noise;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
