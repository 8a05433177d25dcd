package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every network file in the repository, read and written again, gives byte for byte what the
 * writer gave before layer kinds had their own classes (test resources spec/written/, taken
 * with that writer).
 */
class SpecWriterRoundTripTest {
    private static final Path WRITTEN = Path.of("src/test/resources/backprop/engine/spec/written");
    private static final List<Path> SOURCES = List.of(Path.of("../src/test/resources/specs"), Path.of("src/main/resources/backprop/engine/models"));

    @TestFactory
    List<DynamicTest> everyExistingFileWritesBackUnchanged() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(WRITTEN)) {
            for (Path expected : files.sorted().toList()) {
                Path source = SOURCES.stream().map(d -> d.resolve(expected.getFileName())).filter(Files::exists).findFirst().orElseThrow();
                tests.add(DynamicTest.dynamicTest(source.toString(), () ->
                        assertEquals(Files.readString(expected), SpecWriter.toJson(SpecReader.read(source)))));
            }
        }
        assertEquals(9, tests.size(), "every readable network file of the repository");
        return tests;
    }
}
