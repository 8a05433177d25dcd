package backprop.e2e;

import static backprop.e2e.RecurrentBadInputTest.assertCleanFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code train --spec --data TABLE} with tables that cannot be used: exit code 2, nothing on
 * stdout, one line on stderr naming the file, the line and the column. A byte-order mark and
 * other delimiters are read, not refused. The network is circle-table.json (2 inputs, 2 classes).
 */
class TableBadInputTest {
    @TempDir
    static Path dir;

    static final String SPEC = CliRun.spec("circle-table.json");

    static Stream<Arguments> badTables() {
        StringBuilder classes = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 101; i++) classes.append(i % 7).append(',').append(i % 5).append(",class").append(i).append('\n');
        StringBuilder rows = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 100_001; i++) rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        return Stream.of(
                Arguments.of("text-cell.csv", "a,b,label\n1,2,x\n3,4,y\n5,six,x\n", null,
                        "line 4, column 2 ('b'): 'six' is not a number; feature columns must hold numbers"),
                Arguments.of("ragged.csv", "a,b,label\n1,2,x\n3,4\n", null,
                        "line 3, column 3 ('label'): the row has 2 cells but the header names 3 columns"),
                Arguments.of("too-long-row.csv", "a,b,label\n1,2,x\n3,4,y,9\n", null,
                        "line 3, column 4: the row has 4 cells but the header names 3 columns"),
                Arguments.of("no-header.csv", "1,2,0\n3,4,1\n", null,
                        "line 1: the first line holds numbers (1, 2, 0), not column names; add a first line that names the columns"),
                Arguments.of("empty.csv", "", null, "the file is empty; a data table needs a header line and rows"),
                Arguments.of("header-only.csv", "a,b,label\n", null, "line 1: the header names the columns but no rows follow"),
                Arguments.of("pipes.csv", "a|b|label\n1|2|x\n", null,
                        "line 1: found one column, 'a|b|label'; a table needs feature columns and a label column, separated by commas, semicolons or tabs"),
                Arguments.of("label.csv", "a,b,label\n1,2,x\n", "kind", "line 1: no column named 'kind' for the label (columns: a, b, label)"),
                Arguments.of("classes.csv", classes.toString(), null,
                        "line 102, column 3 ('label'): label 'class100' is class 101 of column 'label', over the limit of 100 classes"),
                Arguments.of("rows.csv", rows.toString(), null, "line 100002: more than 100000 rows, the limit for a data set"),
                Arguments.of("latin1.csv", "a,b,\u00e9t\u00e9\n1,2,x\n", null, "byte offset 4 (line 1): not valid UTF-8 (byte 0xe9); a data table must be UTF-8 text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void aBadTableIsOneLineNamingTheFileTheLineAndTheColumn(String name, String text, String label, String problem) throws IOException {
        Path file = dir.resolve(name);
        byte[] bytes = name.startsWith("latin1") ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        CliRun run = label == null ? CliRun.of("train", "--spec", SPEC, "--data", file.toString(), "--epochs", "1")
                : CliRun.of("train", "--spec", SPEC, "--data", file.toString(), "--label", label, "--epochs", "1");
        assertCleanFailure(run, file + ": " + problem);
    }

    @Test
    void aByteOrderMarkSemicolonsAndTabsAreRead() throws IOException {
        String rows = "1;2;x\n3;4;y\n5;6;x\n7;8;y\n";
        Path bom = dir.resolve("bom.csv"), tabs = dir.resolve("tabs.tsv");
        Files.write(bom, ("\uFEFFa;b;label\n" + rows).getBytes(StandardCharsets.UTF_8));
        Files.writeString(tabs, ("a\tb\tlabel\n" + rows).replace(';', '\t'));
        for (Path p : new Path[] {bom, tabs}) {
            CliRun run = CliRun.of("train", "--spec", SPEC, "--data", p.toString(), "--epochs", "1");
            assertEquals(0, run.exitCode(), run::toString);
            // The BOM is not part of the first column's name.
            assertTrue(run.out().contains(": 2 features, 2 classes of 'label' (x, y)"), run::toString);
            assertTrue(run.out().contains("; standardised: a (mean "), run::toString);
        }
    }

    @Test
    void aMissingDataFileSaysWhichFileAndWhereItLooked() throws IOException {
        Path spec = dir.resolve("net.json");
        Files.writeString(spec, Files.readString(Path.of(SPEC)).replace("../tables/circle.csv", "gone.csv"));
        CliRun run = CliRun.of("train", "--spec", spec.toString());
        assertCleanFailure(run, spec + ": $.dataset.file: data file 'gone.csv' not found (looked for " + dir.resolve("gone.csv") + ")");
        assertCleanFailure(CliRun.of("train", "--spec", SPEC, "--data", "gone.csv"),
                "--data: no file 'gone.csv' (looked for " + Path.of("gone.csv").toAbsolutePath() + "), and no shipped table of that name (known: iris, cars)");
    }

    @Test
    void aTableThatDoesNotFitTheNetworkSaysWhatWouldFit() {
        assertCleanFailure(CliRun.of("train", "--spec", SPEC, "--data", "iris"),
                SPEC + ": $.input.shape: the data 'iris' have 4 feature columns (sepal_length, sepal_width, petal_length, petal_width) but the network reads 2 inputs");
        assertCleanFailure(CliRun.of("train", "--spec", CliRun.spec("iris.json"), "--data", "cars"),
                CliRun.spec("iris.json") + ": $.input.shape: the data 'cars' have 1 feature columns");
    }

    @Test
    void aBadFormulaIsOneLineWithThePosition() throws IOException {
        Path spec = dir.resolve("formula.json");
        Files.writeString(spec, Files.readString(Path.of(CliRun.spec("formula-curve.json"))).replace("sin(3*x)", "sin(3*y)"));
        assertCleanFailure(CliRun.of("train", "--spec", spec.toString()),
                spec + ": $.dataset.formula: 'sin(3*y)': position 7: unknown function or variable 'y' (variables: x;");
        Files.writeString(spec, Files.readString(Path.of(CliRun.spec("formula-curve.json"))).replace("sin(3*x)", "sin(3*x"));
        assertCleanFailure(CliRun.of("train", "--spec", spec.toString()), spec + ": $.dataset.formula: 'sin(3*x': position 4: this parenthesis is never closed");
        Files.writeString(spec, Files.readString(Path.of(CliRun.spec("formula-curve.json"))).replace("sin(3*x)", "log(x)"));
        assertCleanFailure(CliRun.of("train", "--spec", spec.toString()), spec + ": $.dataset.formula: 'log(x)': the formula gives no number at x = -");
    }
}
