package backprop.engine.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading tables: delimiters, labels, tasks, and where a refusal points. */
class CsvTableTest {

    private static Table parse(String text) throws TableException { return CsvTable.parse("t.csv", "t", text, null, null); }

    private static String refusal(String text) {
        return assertThrows(TableException.class, () -> parse(text)).getMessage();
    }

    @Test
    void textLabelsAreClassesInAlphabeticalOrder() throws TableException {
        Table t = parse("a,b,kind\n1,2,dog\n3,4.5,cat\n\n5,6,dog\n");
        assertEquals(List.of("a", "b"), t.featureNames());
        assertEquals(List.of("cat", "dog"), t.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, t.classes());
        assertArrayEquals(new float[] {3, 4.5f}, t.x()[1]);
    }

    @Test
    void wholeNumberLabelsAreClassesByValueAndRealOnesARegression() throws TableException {
        Table c = parse("x,y\n1,10\n2,+2\n3,02\n");
        assertEquals(List.of("2", "10"), c.classNames());
        Table r = parse("x,y\n1,1.5\n2,2\n");
        assertTrue(r.isRegression());
        assertArrayEquals(new float[] {1.5f, 2f}, r.targets());
    }

    @Test
    void semicolonsTabsQuotesAndAByteOrderMarkAreRead() throws TableException {
        assertEquals(List.of("a", "b"), parse("a;b;c\n1;2;x\n").featureNames());
        assertEquals(List.of("a", "b"), parse("a\tb\tc\n1\t2\tx\n").featureNames());
        assertEquals(List.of("a, the first", "b"), parse("\"a, the first\",b,c\n1,2,\"x, y\"\n").featureNames());
    }

    @Test
    void refusalsNameTheLineAndTheColumn() {
        assertEquals("t.csv: line 3, column 2 ('b'): 'abc' is not a number; feature columns must hold numbers",
                refusal("a,b,c\n1,2,x\n3,abc,y\n"));
        assertEquals("t.csv: line 4, column 3 ('c'): the row has 2 cells but the header names 3 columns; every row needs one cell per column",
                refusal("a,b,c\n1,2,x\n\n3,4\n"));
        assertTrue(refusal("1,2,3\n4,5,6\n").startsWith("t.csv: line 1: the first line holds numbers"), refusal("1,2,3\n"));
        assertEquals("t.csv: the file is empty; a data table needs a header line and rows", refusal("\n \n"));
        assertTrue(refusal("a|b|c\n1|2|3\n").startsWith("t.csv: line 1: found one column, 'a|b|c'"), refusal("a|b|c\n1|2|3\n"));
    }
}
