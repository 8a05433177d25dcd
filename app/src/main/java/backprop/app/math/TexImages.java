package backprop.app.math;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets a TeX formula with JLaTeXMath into a JavaFX image with a transparent background, in
 * the theme's text colour. JLaTeXMath paints into AWT, which works headless
 * (java.awt.headless=true), so the same code serves the window, the `render` command and tests.
 * A formula wider than the room is broken into lines at its top-level "=" and "+" signs
 * ({@link TexLines}), since JLaTeXMath's own line breaking cuts numbers in half.
 */
public final class TexImages {
    private TexImages() {}

    /** One line, as wide as it is: see {@link #render(String, float, double, javafx.scene.paint.Color, double)}. */
    public static Image render(String tex, float size, double scale, javafx.scene.paint.Color ink) {
        return render(tex, size, scale, ink, Double.POSITIVE_INFINITY);
    }

    /**
     * @param tex      the formula
     * @param size     font size in points at scale 1
     * @param scale    device pixels per point (the window's output scale), so the image is crisp
     * @param ink      text colour
     * @param maxWidth room in points; a wider formula is broken into lines where TeX allows it
     */
    public static Image render(String tex, float size, double scale, javafx.scene.paint.Color ink, double maxWidth) {
        float px = (float) (size * scale);
        TeXIcon whole = icon(tex, px);
        List<TeXIcon> lines = whole.getIconWidth() <= maxWidth * scale ? List.of(whole) : wrap(tex, px, maxWidth * scale);
        int pad = (int) Math.ceil(2 * scale), gap = Math.round(px * 0.2f), indent = Math.round(px * 1.5f);
        int w = 1, h = 0;
        for (int i = 0; i < lines.size(); i++) {
            w = Math.max(w, lines.get(i).getIconWidth() + (i > 0 ? indent : 0));
            h += lines.get(i).getIconHeight() + (i > 0 ? gap : 0);
        }
        BufferedImage img = new BufferedImage(w + 2 * pad, Math.max(1, h) + 2 * pad, BufferedImage.TYPE_INT_ARGB); // transparent
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Color awt = new Color((float) ink.getRed(), (float) ink.getGreen(), (float) ink.getBlue());
        int y = pad;
        for (int i = 0; i < lines.size(); i++) {
            TeXIcon line = lines.get(i);
            line.setForeground(awt);
            // Continuation lines start with their "=" or "+", indented under the first.
            line.paintIcon(null, g, pad + (i > 0 ? indent : 0), y);
            y += line.getIconHeight() + gap;
        }
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }

    /** Greedy line filling over the formula's break points. */
    private static List<TeXIcon> wrap(String tex, float px, double maxWidth) {
        List<String> pieces = TexLines.pieces(tex);
        List<TeXIcon> out = new ArrayList<>();
        String line = pieces.get(0);
        TeXIcon fits = icon(line, px);
        for (int i = 1; i < pieces.size(); i++) {
            String longer = line + " " + pieces.get(i);
            TeXIcon candidate = icon(longer, px);
            if (candidate.getIconWidth() <= maxWidth - (out.isEmpty() ? 0 : px * 1.5f)) {
                line = longer;
                fits = candidate;
            } else {
                out.add(fits);
                line = "{}" + pieces.get(i); // "{}" keeps the leading = or + a binary sign, spaced as in the middle
                fits = icon(line, px);
            }
        }
        out.add(fits);
        return out;
    }

    private static TeXIcon icon(String tex, float px) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, px);
        } catch (ParseException e) {
            // A formula we built ourselves should always parse; if not, show the source, not a crash.
            icon = new TeXFormula("\\text{" + tex.replaceAll("[\\\\{}_^$&%#]", " ") + "}").createTeXIcon(TeXConstants.STYLE_DISPLAY, px);
        }
        icon.setInsets(new Insets(0, 0, 0, 0));
        return icon;
    }
}
