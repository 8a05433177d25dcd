package backprop.app.playground;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A regression of one input, where the map would be: the data as points (x, y), training points
 * filled and test points as rings, and the network's answer across x as a line. The line is the
 * frame's {@link PlaygroundFrame.Curve} (the engine's forward pass at evenly spaced x) and the
 * title's error the engine's test MSE; this class only places them. A click inside the plot
 * reports its data coordinates, so the view can add a point with that target.
 */
final class CurvePlot extends CanvasPane {
    /** Receives a click inside the plot, in data coordinates. */
    interface Click {
        void at(double x, double y, MouseButton button);
    }

    private PlaygroundFrame frame;
    private boolean showTest = true;
    private Click onClick;

    CurvePlot() {
        setId("pg-curve");
        getStyleClass().add(Styles.PG_CURVE);
        setMinSize(120, 120);
        setPrefSize(520, 420);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            Geo geo = geometry();
            if (onClick == null || geo == null || !geo.inside(e.getX(), e.getY())) return;
            onClick.at(geo.dataX(e.getX()), geo.dataY(e.getY()), e.getButton());
            e.consume();
        });
    }

    void setOnClick(Click c) { onClick = c; }

    void setShowTest(boolean show) {
        showTest = show;
        redraw();
    }

    /** Draws {@code f} when it has a curve (FX thread); hides itself otherwise. */
    void show(PlaygroundFrame f) {
        frame = f == null || f.curve() == null ? null : f;
        redraw();
    }

    /** Pixel of this pane where the data point (x, y) is drawn; NaNs when nothing is plotted (tests). */
    double[] toPixel(double x, double y) {
        Geo geo = geometry();
        return geo == null ? new double[] {Double.NaN, Double.NaN} : new double[] {geo.px(x), geo.py(y)};
    }

    /** The colour the curve is drawn in (tests). */
    Color curveColour() { return accent(); }

    /** The plot's rectangle and the data ranges it spans. */
    private record Geo(double x, double y, double w, double h, double xlo, double xhi, double ylo, double yhi) {
        double px(double v) { return x + (v - xlo) / (xhi - xlo) * w; }
        double py(double v) { return y + (yhi - v) / (yhi - ylo) * h; }
        double dataX(double p) { return xlo + (p - x) / w * (xhi - xlo); }
        double dataY(double p) { return yhi - (p - y) / h * (yhi - ylo); }
        boolean inside(double px, double py) { return px >= x && px <= x + w && py >= y && py <= y + h; }
    }

    private Geo geometry() {
        if (frame == null) return null;
        PlaygroundFrame.Curve c = frame.curve();
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (float v : c.y()) { ylo = Math.min(ylo, v); yhi = Math.max(yhi, v); }
        for (PlaygroundFrame.Points p : java.util.List.of(frame.train(), frame.test())) {
            if (p.values() == null) continue;
            for (float v : p.values()) { ylo = Math.min(ylo, v); yhi = Math.max(yhi, v); }
        }
        if (!(yhi > ylo)) { ylo -= 1; yhi += 1; }
        double pad = (yhi - ylo) * 0.06;
        ylo -= pad;
        yhi += pad;
        double s = scale(), fs = font().getSize();
        double labels = 0;
        for (double v : PlotKit.ticks(ylo, yhi, PlotKit.niceStep(yhi - ylo, 4))) labels = Math.max(labels, PlotKit.width(PlotKit.tick(v), font()));
        double left = labels + 1.6 * fs + 10 * s, top = 1.8 * fs, bottom = 2.8 * fs, right = 10 * s;
        double w = canvas.getWidth() - left - right, h = canvas.getHeight() - top - bottom;
        if (w < 30 || h < 30) return null;
        return new Geo(left, top, w, h, c.x()[0], c.x()[c.x().length - 1], ylo, yhi);
    }

    private Font font() { return PlotKit.font(scale()); }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        Geo geo = geometry();
        if (geo == null) return;
        double s = scale(), fs = font().getSize();
        g.setFont(font());
        g.setFill(box());
        g.fillRect(geo.x, geo.y, geo.w, geo.h);
        g.setStroke(border());
        g.setLineWidth(lineScale());
        g.strokeRect(geo.x - 0.5, geo.y - 0.5, geo.w + 1, geo.h + 1);
        PlaygroundFrame.Fit fit = frame.fit();
        g.setFill(muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String mse = fit == null ? "" : " · " + (fit.test() ? "test" : "training") + " MSE " + PlotKit.fixed(fit.mse(), 4);
        g.fillText(PlotKit.fitting(canvas.getWidth(), font(), "ŷ(x), the network's answer" + mse, "ŷ(x)" + mse), 0, 0);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : PlotKit.ticks(geo.xlo, geo.xhi, PlotKit.niceStep(geo.xhi - geo.xlo, 5))) {
            g.fillText(PlotKit.tick(v), geo.px(v), geo.y + geo.h + 0.25 * fs);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : PlotKit.ticks(geo.ylo, geo.yhi, PlotKit.niceStep(geo.yhi - geo.ylo, 4))) {
            g.fillText(PlotKit.tick(v), geo.x - 0.35 * fs, geo.py(v));
        }
        g.setFill(ink());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(frame.curve().name(), geo.x + geo.w / 2, geo.y + geo.h + 1.4 * fs);
        g.save();
        g.translate(0.5 * fs, geo.y + geo.h / 2);
        g.rotate(-90);
        g.fillText(frame.data() == null ? "y" : frame.data().label(), 0, -0.5 * fs);
        g.restore();
        // Clip to the plot: the line may leave it where the network answers beyond the data's range.
        g.save();
        g.beginPath();
        g.rect(geo.x, geo.y, geo.w, geo.h);
        g.clip();
        double r = 3.2 * s;
        if (showTest) points(g, geo, frame.test(), r, true);
        points(g, geo, frame.train(), r, false);
        PlaygroundFrame.Curve c = frame.curve();
        double[] xs = new double[c.x().length], ys = new double[c.x().length];
        for (int i = 0; i < xs.length; i++) { xs[i] = geo.px(c.x()[i]); ys[i] = geo.py(c.y()[i]); }
        g.setStroke(PlotKit.alpha(box(), 0.85));
        g.setLineWidth(5 * s);
        g.strokePolyline(xs, ys, xs.length);
        g.setStroke(accent());
        g.setLineWidth(2.5 * s * lineScale());
        g.strokePolyline(xs, ys, xs.length);
        g.restore();
    }

    /** Training points filled in the data's colour, test points as rings with a dark outline. */
    private void points(GraphicsContext g, Geo geo, PlaygroundFrame.Points p, double r, boolean test) {
        if (p.values() == null) return;
        g.setLineWidth((test ? 1.6 : 1.0) * scale());
        g.setStroke(test ? ink() : Color.WHITE);
        for (int i = 0; i < p.size(); i++) {
            double x = geo.px(p.xy()[i][0]), y = geo.py(p.values()[i]);
            g.setFill(test ? PlotKit.alpha(Palette.CLASS_0, 0.25) : Palette.CLASS_0);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
