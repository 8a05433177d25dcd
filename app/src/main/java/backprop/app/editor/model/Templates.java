package backprop.app.editor.model;

import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Networks to start from: the decks' networks, which are the engine's built-in models, and a
 * residual MLP kept beside this class. Each opens as an unsaved document.
 */
public final class Templates {
    private Templates() {}

    /** One template: its id, the title the menu shows, and where its file comes from. */
    public record Template(String id, String title, String builtin, String resource) {
        public NetworkSpec spec() throws SpecException {
            if (builtin != null) return BuiltinModels.spec(builtin);
            try (InputStream in = Templates.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                return SpecReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "template " + id);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static final List<Template> ALL = List.of(
            new Template("xor-handbuilt", "XOR by hand (step units)", "xor-handbuilt", null),
            new Template("xor", "XOR 2-2-1, learned", "xor", null),
            new Template("encoder-838", "8-3-8 encoder", "encoder-838", null),
            new Template("residual-mlp", "Residual MLP", null, "/backprop/app/editor/residual-mlp.json"),
            new Template("lenet", "LeNet-5 (digits)", "lenet", null),
            new Template("char-lstm", "Character LSTM", "char-lstm", null));
}
