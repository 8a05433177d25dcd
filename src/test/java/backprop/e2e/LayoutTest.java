package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * JavaFX 21, an engine that needs only the JDK and Jackson, and CI running README's command; and
 * the app's package rules (docs/ARCHITECTURE.md): view-models free of the scene graph, a shell that
 * knows no feature, no package cycles, style-class names from {@code theme.Styles}.
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

    /**
     * The engine stays small and knows no UI: Jackson for JSON and CSV files, and exp4j, which
     * parses the formulas of formula data sets into a tree of arithmetic (issue 22).
     */
    @Test
    void engineDependsOnJacksonAndExp4jAloneOutsideTests() throws Exception {
        NodeList deps = pom("engine/pom.xml").getElementsByTagName("dependency");
        List<String> compile = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            NodeList scope = d.getElementsByTagName("scope");
            if (scope.getLength() > 0 && scope.item(0).getTextContent().trim().equals("test")) continue;
            compile.add(d.getElementsByTagName("groupId").item(0).getTextContent().trim() + ":"
                    + d.getElementsByTagName("artifactId").item(0).getTextContent().trim());
        }
        assertEquals(List.of("com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.dataformat:jackson-dataformat-csv",
                "net.objecthunter:exp4j"), compile);
    }

    @Test
    void engineSourcesImportOnlyTheJdkJacksonExp4jAndThemselves() throws Exception {
        Pattern imp = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("engine/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = imp.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(2);
                    if (!(name.startsWith("java.") || name.startsWith("backprop.engine.") || name.startsWith("com.fasterxml.jackson.")
                            || name.startsWith("net.objecthunter.exp4j."))) {
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

    // ------------------------------------------------------------------ the app's packages

    private static final Path APP_MAIN = ROOT.resolve("app/src/main/java");
    /** Packages of the app that are not features: everything else under backprop.app is one. */
    private static final List<String> NOT_FEATURES = List.of("shell", "view", "views", "work", "theme", "draw", "raster", "math",
            "export", "cli", "timeline", "session");

    private static List<Path> appSources() throws Exception {
        try (Stream<Path> files = Files.walk(APP_MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The source without comments and string literals, so only code is looked at. */
    private static String code(Path f) throws Exception {
        String s = Files.readString(f);
        s = s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        return s.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    /** backprop.app.X (or backprop.app itself) for a source file under app/src/main/java. */
    private static String packageOf(Path f) {
        return APP_MAIN.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
    }

    /** The backprop.app packages a file's code names: imports and fully qualified names alike. */
    private static TreeSet<String> appPackagesUsed(Path f) throws Exception {
        Matcher m = Pattern.compile("\\bbackprop\\.app((?:\\.[a-z]\\w*)*)\\.[A-Z]").matcher(code(f));
        TreeSet<String> used = new TreeSet<>();
        while (m.find()) used.add("backprop.app" + m.group(1));
        used.remove(packageOf(f));
        return used;
    }

    @Test
    void viewModelsNeverImportTheSceneGraph() throws Exception {
        List<String> found = new ArrayList<>();
        Pattern scene = Pattern.compile("^import (static )?javafx\\.scene\\.", Pattern.MULTILINE);
        for (Path f : appSources()) {
            if (f.getFileName().toString().endsWith("ViewModel.java") && scene.matcher(code(f)).find()) found.add(APP_MAIN.relativize(f).toString());
        }
        assertEquals(List.of(), found, "view-models use javafx.beans and collections only");
    }

    @Test
    void theShellKnowsNoFeaturePackage() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path f : appSources()) {
            if (!packageOf(f).equals("backprop.app.shell")) continue;
            for (String p : appPackagesUsed(f)) {
                String last = p.substring(p.lastIndexOf('.') + 1);
                if (!p.equals("backprop.app") && !NOT_FEATURES.contains(last)) found.add(APP_MAIN.relativize(f) + " uses " + p);
            }
        }
        assertEquals(List.of(), found, "the view list lives in backprop.app.views; the shell only knows StudioView");
    }

    @Test
    void theAppsPackagesHaveNoCycle() throws Exception {
        Map<String, TreeSet<String>> uses = new TreeMap<>();
        for (Path f : appSources()) uses.computeIfAbsent(packageOf(f), k -> new TreeSet<>()).addAll(appPackagesUsed(f));
        assertTrue(uses.size() > 10, "found the app's packages: " + uses.keySet());
        assertEquals(List.of(), cycle(uses), "a package cycle (each uses the next)");
    }

    /** One cycle in the graph as its packages in order (first repeated at the end), or empty. */
    static List<String> cycle(Map<String, ? extends java.util.Collection<String>> uses) {
        Map<String, Integer> state = new LinkedHashMap<>(); // 1: on the path, 2: done
        for (String start : uses.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, uses, state, path);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, ? extends java.util.Collection<String>> uses, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) return List.of();
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
            c.add(p);
            return c;
        }
        state.put(p, 1);
        path.add(p);
        for (String q : uses.containsKey(p) ? uses.get(p) : List.<String>of()) {
            List<String> c = visit(q, uses, state, path);
            if (!c.isEmpty()) return c;
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return List.of();
    }

    @Test
    void theCycleCheckFindsACycleAndNamesIt() {
        Map<String, List<String>> g = new TreeMap<>(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"), "d", List.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), cycle(g));
        assertEquals(List.of(), cycle(Map.of("a", List.of("b"), "b", List.of())));
    }

    @Test
    void styleClassNamesComeFromThemeStyles() throws Exception {
        List<String> found = new ArrayList<>();
        Pattern literal = Pattern.compile("getStyleClass\\(\\)\\.\\w+\\([^;]*\"");
        for (Path f : appSources()) {
            // Literals are blanked in code(), so look at the raw lines, skipping comments.
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("*") || l.startsWith("//")) continue;
                if (literal.matcher(l).find()) found.add(APP_MAIN.relativize(f) + ":" + (i + 1) + ": " + l);
            }
        }
        assertEquals(List.of(), found, "style classes through theme.Styles constants");
    }
}
