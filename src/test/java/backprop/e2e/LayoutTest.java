package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository's shape as the Foundation issue fixes it: the top-level layout, Java 17 and
 * JavaFX 21, an engine that needs only the JDK and Jackson, and CI running README's command.
 */
class LayoutTest {
    private static final Path ROOT = CliRun.root();

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(path).toFile());
    }

    private static List<String> texts(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent().trim());
        return out;
    }

    @Test
    void topLevelHasTheDesignsEntries() {
        for (String f : List.of("pom.xml", "README.md", ".ci/run", "native-kernels/README.md", "native-kernels/pom.xml")) {
            assertTrue(Files.isRegularFile(ROOT.resolve(f)), f);
        }
        for (String d : List.of("app", "engine", "native-kernels", "lessons", "assets", "src/test")) {
            assertTrue(Files.isDirectory(ROOT.resolve(d)), d + "/");
        }
    }

    @Test
    void reactorBuildsEveryModuleWithJava17AndJavaFx21() throws Exception {
        Document root = pom("pom.xml");
        assertEquals(List.of("engine", "native-kernels", "app", "src/test"), texts(root, "module"));
        assertEquals(List.of("17"), texts(root, "maven.compiler.release"));
        assertTrue(texts(root, "javafx.version").get(0).startsWith("21."), "JavaFX 21 LTS: " + texts(root, "javafx.version"));
    }

    @Test
    void engineDependsOnJacksonAloneOutsideTests() throws Exception {
        NodeList deps = pom("engine/pom.xml").getElementsByTagName("dependency");
        List<String> compile = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            NodeList scope = d.getElementsByTagName("scope");
            if (scope.getLength() > 0 && scope.item(0).getTextContent().trim().equals("test")) continue;
            compile.add(d.getElementsByTagName("groupId").item(0).getTextContent().trim() + ":"
                    + d.getElementsByTagName("artifactId").item(0).getTextContent().trim());
        }
        assertEquals(List.of("com.fasterxml.jackson.core:jackson-databind"), compile);
    }

    @Test
    void engineSourcesImportOnlyTheJdkJacksonAndThemselves() throws Exception {
        Pattern imp = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("engine/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = imp.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(2);
                    if (!(name.startsWith("java.") || name.startsWith("backprop.engine.") || name.startsWith("com.fasterxml.jackson."))) {
                        foreign.add(ROOT.relativize(f) + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    /** The first fenced code block after a heading line. */
    private static String codeAfter(String markdown, String heading) {
        int h = markdown.indexOf(heading);
        assertTrue(h >= 0, "README has no '" + heading + "'");
        int open = markdown.indexOf("```", h), start = markdown.indexOf('\n', open) + 1;
        return markdown.substring(start, markdown.indexOf("```", start)).strip();
    }

    @Test
    void ciRunsReadmesTestCommandVerbatim() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String testCommand = codeAfter(readme, "Run all tests");
        assertEquals("mvn -B verify", testCommand);
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ")).toList();
        assertEquals(List.of(testCommand), ci, ".ci/run runs exactly README's command");
        assertTrue(Files.isExecutable(ROOT.resolve(".ci/run")), ".ci/run is executable");
        String start = codeAfter(readme, "Start the app");
        assertTrue(start.contains("-DskipTests package") && start.endsWith("java -jar app/target/backprop-studio.jar"), start);
    }
}
