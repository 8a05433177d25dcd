package backprop.app.math;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets a TeX formula with JLaTeXMath into a JavaFX image. JLaTeXMath paints into AWT,
 * which works headless (java.awt.headless=true), so the same code serves the window, the
 * `render` command and tests.
 */
public final class TexImages {
    private TexImages() {}

    /**
     * @param tex   the formula
     * @param size  font size in points at scale 1
     * @param scale device pixels per point (the window's output scale), so the image is crisp
     * @param ink   text colour
     */
    public static Image render(String tex, float size, double scale, javafx.scene.paint.Color ink) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) (size * scale));
        } catch (ParseException e) {
            // A formula we built ourselves should always parse; if not, show the source, not a crash.
            icon = new TeXFormula("\\text{" + tex.replaceAll("[\\\\{}_^$&%#]", " ") + "}")
                    .createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) (size * scale));
        }
        int pad = (int) Math.ceil(2 * scale);
        icon.setInsets(new Insets(pad, pad, pad, pad));
        int w = Math.max(1, icon.getIconWidth()), h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        icon.setForeground(new Color((float) ink.getRed(), (float) ink.getGreen(), (float) ink.getBlue()));
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }
}
