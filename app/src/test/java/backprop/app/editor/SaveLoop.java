package backprop.app.editor;

import backprop.app.editor.document.EditorDocument;
import backprop.engine.models.BuiltinModels;
import java.nio.file.Path;

/**
 * A child JVM for {@link KilledSaveTest}: saves two different networks over the same file, one
 * after the other, until it is killed.
 */
public final class SaveLoop {
    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        EditorDocument a = new EditorDocument(), b = new EditorDocument();
        a.load(BuiltinModels.spec("xor"));
        b.load(BuiltinModels.spec("lenet"));
        System.out.println("saving");
        System.out.flush();
        for (long i = 0; ; i++) (i % 2 == 0 ? a : b).save(file);
    }
}
