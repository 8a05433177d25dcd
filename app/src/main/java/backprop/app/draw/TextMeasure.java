package backprop.app.draw;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths of strings in a font, for canvases that lay out their own text. Measuring lays a Text node
 * out each time, which is slow and allocates; canvases ask for the same captions and numbers every
 * frame, so answers are kept (a bounded cache per font). FX thread only.
 */
public final class TextMeasure {
    private TextMeasure() {}

    private static final Text MEASURE = new Text();
    private static final int PER_FONT = 512;
    private static final Map<Font, Map<String, Double>> CACHE = new HashMap<>();

    /** Width of {@code s} drawn in {@code f}. */
    public static double width(String s, Font f) {
        Map<String, Double> widths = CACHE.computeIfAbsent(f, k -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Double> e) { return size() > PER_FONT; }
        });
        Double w = widths.get(s);
        if (w == null) {
            MEASURE.setFont(f);
            MEASURE.setText(s);
            w = MEASURE.getLayoutBounds().getWidth();
            widths.put(s, w);
        }
        if (CACHE.size() > 64) CACHE.clear(); // many presenter scales and sizes over a long session
        return w;
    }
}
