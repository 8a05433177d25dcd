package backprop.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version Maven stamps into every jar (META-INF/maven/.../pom.properties), so the
 * number lives in the pom only. Running from class folders (tests, IDE) has no such file.
 */
final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/backprop.studio/app/pom.properties";

    @Override
    public String[] getVersion() {
        String version = "development build";
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException ignored) {
            // keep "development build": a version string is not worth failing for
        }
        return new String[] {"backprop-studio " + version,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
