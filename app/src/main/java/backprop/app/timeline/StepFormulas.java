package backprop.app.timeline;

import backprop.app.math.Num;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each timeline step in the decks' notation (a_j = Σ_i w_ij z_i, z_j = g(a_j),
 * δ_j = ∂L/∂a_j, η) with the operands from the trace substituted, e.g.
 * {@code δ_h1 = g'(a_h1) · Σ_k w_h1,k δ_k = 0.2350 × (0.4100 × (−0.1200)) = −0.0116}.
 * The result on the right is always the engine's value, never re-derived here.
 */
public final class StepFormulas {
    /** Sums with more terms than this are shortened to first terms, "…", last term. */
    static final int MAX_TERMS = 4;
    private static final String MINUS = "\u2212";

    private final Digits d;

    private StepFormulas(Digits d) {
        this.d = d;
    }

    /**
     * The operands are shown rounded, the result is the engine's, computed from the unrounded
     * operands. When the shown arithmetic does not give the shown result to its last digit
     * ({@link ShownArithmetic}), the formula says "≈" instead of "=" and carries the same formula
     * with the engine's full values, for a hover.
     *
     * @param hideResult show "?" instead of the value (predict mode, before the reveal)
     */
    public static Formula of(Timeline t, TimelineStep s, boolean hideResult) {
        Formula shown = new StepFormulas(Digits.SHOWN).build(t, s, hideResult);
        if (hideResult || ShownArithmetic.addsUp(t, s)) return shown;
        Formula full = new StepFormulas(Digits.FULL).build(t, s, false);
        String res = " = " + Num.fmt(s.value()), resTex = " = " + Num.tex(s.value());
        return new Formula(shown.text().substring(0, shown.text().length() - res.length()) + " ≈ " + Num.fmt(s.value()),
                shown.tex().substring(0, shown.tex().length() - resTex.length()) + " \\approx " + Num.tex(s.value()),
                shown.explanation(), shown.shortLabel(),
                "≈: the numbers are shown rounded; the engine computed with their full values: " + full.text());
    }

    private Formula build(Timeline t, TimelineStep s, boolean hideResult) {
        NodeNames nn = t.names();
        String res = hideResult ? "?" : d.fmt(s.value());
        String resTex = hideResult ? "\\,?" : d.tex(s.value());
        int N = t.trace().batchSize();
        String sampleWords = "sample " + (s.sample() + 1);
        return switch (s.kind()) {
            case FORWARD_A -> {
                String j = nn.ofLayer(s.layer(), s.unit()), jt = nn.texOfLayer(s.layer(), s.unit());
                double[] z = s.series("z"), w = s.series("w");
                List<String> terms = products(w, z, false), texTerms = products(w, z, true);
                terms.add(d.paren(s.operand("b")));
                texTerms.add(d.texParen(s.operand("b")));
                yield new Formula(
                        "a_" + j + " = Σ_i w_i," + j + " z_i + b_" + j + " = " + join(terms, " + ") + " = " + res,
                        "a_{" + jt + "} = \\sum_i w_{i," + jt + "}\\, z_i + b_{" + jt + "} = " + join(texTerms, " + ") + " = " + resTex,
                        "Forward: " + j + " adds up its inputs z_i, each times its weight, plus its bias (" + sampleWords + ").",
                        "a of " + j);
            }
            case FORWARD_Z -> {
                String j = nn.ofLayer(s.layer(), s.unit()), jt = nn.texOfLayer(s.layer(), s.unit());
                String act = t.layer(s.layer()).activation();
                yield new Formula(
                        "z_" + j + " = g(a_" + j + ") = " + actName(act) + "(" + d.fmt(s.operand("a")) + ") = " + res,
                        "z_{" + jt + "} = g(a_{" + jt + "}) = " + actTex(act) + "(" + d.tex(s.operand("a")) + ") = " + resTex,
                        "Forward: " + j + " passes a through its activation g (" + act + ") to get its output z (" + sampleWords + ").",
                        "z of " + j);
            }
            case LOSS -> loss(t, s, res, resTex, N);
            case DELTA -> delta(t, s, res, resTex, sampleWords);
            case GRAD_W -> {
                String i = nn.plain(s.layer(), s.from()), j = nn.ofLayer(s.layer(), s.unit());
                String it = nn.tex(s.layer(), s.from()), jt = nn.texOfLayer(s.layer(), s.unit());
                double[] z = s.series("z"), deltas = s.series("d");
                List<String> terms = products(deltas, z, false), texTerms = products(deltas, z, true);
                yield new Formula(
                        "∂R/∂w_" + i + "," + j + " = (1/N) Σ_n δ_" + j + " z_" + i + " = 1/" + N + " · (" + join(shorten(terms), " + ") + ") = " + res,
                        "\\frac{\\partial R}{\\partial w_{" + it + "," + jt + "}} = \\frac{1}{N} \\sum_n \\delta_{" + jt + "}\\, z_{" + it + "} = \\frac{1}{"
                                + N + "}\\left(" + join(shortenTex(texTerms), " + ") + "\\right) = " + resTex,
                        "Gradient: the average over the " + N + " samples of δ at " + j + " times the output of " + i + " (outer product of input and δ).",
                        "∂R/∂w " + i + "→" + j);
            }
            case GRAD_B -> {
                String j = nn.ofLayer(s.layer(), s.unit()), jt = nn.texOfLayer(s.layer(), s.unit());
                double[] deltas = s.series("d");
                List<String> terms = new ArrayList<>(), texTerms = new ArrayList<>();
                for (double v : deltas) {
                    terms.add(d.paren(v));
                    texTerms.add(d.texParen(v));
                }
                yield new Formula(
                        "∂R/∂b_" + j + " = (1/N) Σ_n δ_" + j + " = 1/" + N + " · (" + join(shorten(terms), " + ") + ") = " + res,
                        "\\frac{\\partial R}{\\partial b_{" + jt + "}} = \\frac{1}{N} \\sum_n \\delta_{" + jt + "} = \\frac{1}{" + N + "}\\left("
                                + join(shortenTex(texTerms), " + ") + "\\right) = " + resTex,
                        "Gradient of the bias: the average δ of " + j + " over the " + N + " samples (its input is always 1).",
                        "∂R/∂b " + j);
            }
            case UPDATE_W, UPDATE_B -> update(t, s, res, resTex);
        };
    }

    private Formula loss(Timeline t, TimelineStep s, String res, String resTex, int N) {
        double[] y = s.series("y"), f = s.series("f");
        String name = t.trace().lossName();
        if ("mse".equals(name)) {
            List<String> terms = new ArrayList<>(), texTerms = new ArrayList<>();
            for (int m = 0; m < y.length; m++) {
                terms.add("(" + d.fmt(y[m]) + " " + MINUS + " " + d.fmt(f[m]) + ")²");
                texTerms.add("(" + d.tex(y[m]) + " - " + d.tex(f[m]) + ")^2");
            }
            return new Formula(
                    "R = (1/N) Σ_n ½ ‖y_n " + MINUS + " z_n‖² = 1/" + N + " · ½ · [" + join(shorten(terms), " + ") + "] = " + res,
                    "R = \\frac{1}{N}\\sum_n \\tfrac{1}{2}\\lVert y_n - z_n \\rVert^2 = \\frac{1}{" + N + "}\\cdot\\tfrac{1}{2}\\left["
                            + join(shortenTex(texTerms), " + ") + "\\right] = " + resTex,
                    "Loss: half the squared error between target y and output z, averaged over the " + N + " samples.",
                    "loss R");
        }
        String label = "binary_cross_entropy".equals(name) ? "binary cross-entropy" : "cross-entropy";
        String text = "binary_cross_entropy".equals(name)
                ? "R = " + MINUS + "(1/N) Σ_n [y ln z + (1 " + MINUS + " y) ln(1 " + MINUS + " z)] over " + N + " samples = " + res
                : "R = " + MINUS + "(1/N) Σ_n Σ_k y_k ln z_k over " + N + " samples = " + res;
        String tex = "binary_cross_entropy".equals(name)
                ? "R = -\\frac{1}{N}\\sum_n \\left[y \\ln z + (1-y)\\ln(1-z)\\right] = " + resTex
                : "R = -\\frac{1}{N}\\sum_n \\sum_k y_k \\ln z_k = " + resTex;
        return new Formula(text, tex, "Loss: the " + label + " of the outputs against the targets, averaged over the " + N + " samples.", "loss R");
    }

    private Formula delta(Timeline t, TimelineStep s, String res, String resTex, String sampleWords) {
        NodeNames nn = t.names();
        String j = nn.ofLayer(s.layer(), s.unit()), jt = nn.texOfLayer(s.layer(), s.unit());
        double gp = s.operand("gPrime");
        if (s.layer() == t.layers() - 1) {
            String loss = t.trace().lossName(), act = t.layer(s.layer()).activation();
            double y = s.operand("y"), z = s.operand("z");
            if ("mse".equals(loss)) {
                return new Formula(
                        "δ_" + j + " = " + MINUS + "(y " + MINUS + " z_" + j + ") g'(a_" + j + ") = " + MINUS + "(" + d.fmt(y) + " " + MINUS + " "
                                + d.fmt(z) + ") × " + d.paren(gp) + " = " + res,
                        "\\delta_{" + jt + "} = -(y - z_{" + jt + "})\\, g'(a_{" + jt + "}) = -(" + d.tex(y) + " - " + d.tex(z) + ") \\cdot "
                                + d.texParen(gp) + " = " + resTex,
                        "Backward starts at the output: the error (target minus output) times the slope g' of " + j + " (" + sampleWords + ").",
                        "δ of " + j);
            }
            boolean matched = ("binary_cross_entropy".equals(loss) && "sigmoid".equals(act))
                    || ("cross_entropy".equals(loss) && "softmax".equals(act));
            if (matched) {
                return new Formula(
                        "δ_" + j + " = z_" + j + " " + MINUS + " y = " + d.fmt(z) + " " + MINUS + " " + d.fmt(y) + " = " + res,
                        "\\delta_{" + jt + "} = z_{" + jt + "} - y = " + d.tex(z) + " - " + d.tex(y) + " = " + resTex,
                        "Backward starts at the output: with this loss and activation the slopes cancel and δ is output minus target (" + sampleWords + ").",
                        "δ of " + j);
            }
            return new Formula(
                    "δ_" + j + " = ∂L/∂a_" + j + " = " + res,
                    "\\delta_{" + jt + "} = \\frac{\\partial L}{\\partial a_{" + jt + "}} = " + resTex,
                    "Backward starts at the output: how fast the loss changes with the input a of " + j + " (" + sampleWords + ").",
                    "δ of " + j);
        }
        double[] w = s.series("w"), deltas = s.series("d");
        List<String> terms = products(w, deltas, false), texTerms = products(w, deltas, true);
        return new Formula(
                "δ_" + j + " = g'(a_" + j + ") · Σ_k w_" + j + ",k δ_k = " + d.paren(gp) + " × (" + join(shorten(terms), " + ") + ") = " + res,
                "\\delta_{" + jt + "} = g'(a_{" + jt + "}) \\sum_k w_{" + jt + ",k}\\, \\delta_k = " + d.texParen(gp) + " \\cdot \\left("
                        + join(shortenTex(texTerms), " + ") + "\\right) = " + resTex,
                "Backward: " + j + " gathers the δs of the nodes it feeds, each times the weight in between, then times its own slope g' (" + sampleWords + ").",
                "δ of " + j);
    }

    private Formula update(Timeline t, TimelineStep s, String res, String resTex) {
        NodeNames nn = t.names();
        boolean w = s.kind() == StepKind.UPDATE_W;
        String j = nn.ofLayer(s.layer(), s.unit()), jt = nn.texOfLayer(s.layer(), s.unit());
        String sym = w ? "w_" + nn.plain(s.layer(), s.from()) + "," + j : "b_" + j;
        String symTex = w ? "w_{" + nn.tex(s.layer(), s.from()) + "," + jt + "}" : "b_{" + jt + "}";
        String what = w ? "w " + nn.plain(s.layer(), s.from()) + "→" + j : "b " + j;
        double before = s.operand("before"), grad = s.operand("grad"), eta = s.operand("eta");
        String opt = t.trace().optimizer() == null ? "" : t.trace().optimizer();
        if (opt.startsWith("sgd")) {
            return new Formula(
                    sym + " ← " + sym + " " + MINUS + " η ∂R/∂" + sym + " = " + d.fmt(before) + " " + MINUS + " " + Num.shortFmt(eta) + " × "
                            + d.paren(grad) + " = " + res,
                    symTex + " \\leftarrow " + symTex + " - \\eta \\frac{\\partial R}{\\partial " + symTex + "} = " + d.tex(before) + " - "
                            + Num.shortFmt(eta).replace(MINUS, "-") + " \\cdot " + d.texParen(grad) + " = " + resTex,
                    "Update: take a step of size η = " + Num.shortFmt(eta) + " against the gradient, so the loss goes down.",
                    "update " + what);
        }
        return new Formula(
                sym + " ← " + opt + " step with ∂R/∂" + sym + " = " + d.paren(grad) + ": " + d.fmt(before) + " → " + res,
                symTex + " \\leftarrow \\mathrm{" + opt.split(" ")[0] + "}\\left(" + d.tex(grad) + "\\right):\\ " + d.tex(before)
                        + " \\rightarrow " + resTex,
                "Update: the " + opt + " optimiser moves the weight against its gradient (its own rule, with memory of past steps).",
                "update " + what);
    }

    /** "x × y" terms (plain) or "x \\cdot y" terms (TeX), negative factors bracketed. */
    private List<String> products(double[] x, double[] y, boolean tex) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(tex ? d.texParen(x[i]) + " \\cdot " + d.texParen(y[i]) : d.paren(x[i]) + " × " + d.paren(y[i]));
        }
        return out;
    }

    private static String actName(String act) {
        return act == null ? "g" : act;
    }

    private static String actTex(String act) {
        if (act == null) return "g";
        return switch (act) {
            case "sigmoid" -> "\\sigma";
            case "tanh" -> "\\tanh";
            default -> "\\mathrm{" + act.replace("_", "\\_") + "}";
        };
    }

    private static List<String> shorten(List<String> terms) {
        return shortened(terms, "…");
    }

    private static List<String> shortenTex(List<String> terms) {
        return shortened(terms, "\\cdots");
    }

    /** Long sums (big batches, wide layers) keep their first terms and the last one. */
    private static List<String> shortened(List<String> terms, String dots) {
        if (terms.size() <= MAX_TERMS) return terms;
        List<String> out = new ArrayList<>(terms.subList(0, MAX_TERMS - 2));
        out.add(dots);
        out.add(terms.get(terms.size() - 1));
        return out;
    }

    private static String join(List<String> parts, String sep) {
        return String.join(sep, parts);
    }

}
