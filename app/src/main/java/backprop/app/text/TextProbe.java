package backprop.app.text;

import backprop.app.view.LessonProbe;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text view for a lesson, without a window: the same {@link TextSession} (the character-level
 * LSTM on the shipped book, seeded windows) the view-model trains, started fresh on first use.
 * Ids: {@code held-out-loss} and {@code train-loss} (nats per character, newest),
 * {@code held-out-accuracy} (share of next characters ranked first), {@code vocabulary} (distinct
 * characters of the book) and the elements {@code tx-sample}, {@code tx-temperature},
 * {@code tx-chart}, {@code tx-gates}. Controls: {@code temperature} (0.2 to 2), {@code seed} (of the
 * sample's draws) and {@code gate} (i, f, o, c_tilde, c, h: which heat map shows).
 */
public final class TextProbe implements LessonProbe {
    static final List<String> IDS = List.of("held-out-loss", "train-loss", "held-out-accuracy", "vocabulary",
            "tx-sample", "tx-temperature", "tx-chart", "tx-gates");

    private TextSession session;

    @Override
    public Optional<String> controlProblem(String control, String value) { return problem(control, value); }

    static Optional<String> problem(String control, String value) {
        boolean ok = switch (control) {
            case "temperature" -> number(value) >= TextViewModel.MIN_TEMPERATURE && number(value) <= TextViewModel.MAX_TEMPERATURE;
            case "seed" -> value.matches("\\d{1,9}");
            case "gate" -> TextSession.KEYS.contains(value);
            default -> false;
        };
        return LessonProbe.refusal("text", List.of("temperature", "seed", "gate"), control, value, ok);
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private TextSession session() {
        if (session == null) session = new TextSession(TextViewModel.DEFAULT_SEED, TextSession.DEFAULT_UNITS);
        return session;
    }

    /** Sampling choices change no number a lesson asks for. */
    @Override
    public void set(Map<String, String> controls) { session(); }

    @Override
    public void train(int steps) { session().train(steps); }

    @Override
    public List<String> ids() { return IDS; }

    @Override
    public double value(String id) {
        TextSession s = session();
        // The frame the view shows, less the sample and the heat maps, which no id reads.
        return value(new TextFrame(s.step(), s.history(), null, TextSession.PROMPT, "", 1, 0, s.corpus.vocabularySize()), id);
    }

    static double value(TextFrame f, String id) {
        return switch (id) {
            case "held-out-loss" -> f.lastHeldOut();
            case "train-loss" -> f.lastLoss();
            case "held-out-accuracy" -> f.history().get(f.history().size() - 1).testAccuracy();
            case "vocabulary" -> f.vocabulary();
            default -> Double.NaN;
        };
    }
}
