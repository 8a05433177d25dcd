package backprop.app.graph;

import backprop.app.math.Num;
import backprop.app.timeline.Formula;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain rule written out for one graph step with the engine's numbers: forward
 * {@code c = a + b = 2 + 1 = 3}; backward {@code ∂e/∂b = ∂e/∂c · 1 + ∂e/∂d · 1 = 2 × 1 + 3 × 1 = 5}.
 * The local derivative of each op is its textbook rule (add: 1, multiply: the other operand's
 * value); every number is an engine value or gradient.
 */
public final class GraphFormulas {
    private GraphFormulas() {}

    public static Formula of(ExpressionGraph g, GraphStep s) {
        GraphNode n = s.node();
        String out = g.output().name();
        if (!s.backward()) {
            List<String> in = n.inputs();
            String sym = switch (n.op()) {
                case "add" -> in.get(0) + " + " + in.get(1);
                case "addConst" -> in.get(0) + " + 1";
                case "mul" -> in.get(0) + " · " + in.get(1);
                default -> n.name();
            };
            String nums = switch (n.op()) {
                case "add" -> num(g, in.get(0)) + " + " + num(g, in.get(1));
                case "addConst" -> num(g, in.get(0)) + " + 1";
                case "mul" -> num(g, in.get(0)) + " × " + num(g, in.get(1));
                default -> "";
            };
            String texSym = sym.replace("·", "\\cdot");
            String texNums = nums.replace("×", "\\times").replace('\u2212', '-');
            return new Formula(n.name() + " = " + sym + " = " + nums + " = " + Num.shortFmt(n.value()),
                    n.name() + " = " + texSym + " = " + texNums + " = " + Num.shortFmt(n.value()).replace('\u2212', '-'),
                    "Forward: " + n.name() + " is computed from " + String.join(" and ", n.inputs()) + " and stored for the backward pass.",
                    "value of " + n.name());
        }
        String grad = Num.shortFmt(n.grad());
        String gradTex = grad.replace('\u2212', '-');
        if (n.name().equals(out)) {
            return new Formula("∂" + out + "/∂" + out + " = " + grad,
                    "\\frac{\\partial " + out + "}{\\partial " + out + "} = " + gradTex,
                    "Backward starts at the output with gradient 1: a change in " + out + " changes " + out + " one for one.",
                    "∂" + out + "/∂" + out);
        }
        List<String> symTerms = new ArrayList<>(), numTerms = new ArrayList<>(), texSym = new ArrayList<>(), texNum = new ArrayList<>();
        List<GraphNode> users = g.consumers(n.name());
        for (GraphNode u : users) {
            String local = "mul".equals(u.op()) ? other(u, n.name()) : "1";
            String localNum = "mul".equals(u.op()) ? num(g, other(u, n.name())) : "1";
            symTerms.add("∂" + out + "/∂" + u.name() + " · " + local);
            numTerms.add(paren(Num.shortFmt(u.grad())) + " × " + paren(localNum));
            texSym.add("\\frac{\\partial " + out + "}{\\partial " + u.name() + "} \\cdot " + local);
            texNum.add(paren(Num.shortFmt(u.grad())).replace('\u2212', '-') + " \\times " + paren(localNum).replace('\u2212', '-'));
        }
        String why = users.size() > 1
                ? n.name() + " feeds " + users.size() + " nodes (" + String.join(" and ", users.stream().map(GraphNode::name).toList())
                        + "): the gradients coming back along both paths add up."
                : "chain rule, the gradient of " + users.get(0).name() + " times the local derivative of its "
                        + ("mul".equals(users.get(0).op()) ? "product (the other factor)." : "sum (1).");
        return new Formula(
                "∂" + out + "/∂" + n.name() + " = " + String.join(" + ", symTerms) + " = " + String.join(" + ", numTerms) + " = " + grad,
                "\\frac{\\partial " + out + "}{\\partial " + n.name() + "} = " + String.join(" + ", texSym) + " = " + String.join(" + ", texNum) + " = " + gradTex,
                "Backward: " + why,
                "∂" + out + "/∂" + n.name());
    }

    private static String other(GraphNode u, String name) {
        List<String> in = u.inputs();
        return in.get(0).equals(name) ? in.get(1) : in.get(0);
    }

    private static String num(ExpressionGraph g, String name) {
        return paren(Num.shortFmt(g.node(name).value()));
    }

    private static String paren(String s) {
        return s.startsWith("\u2212") ? "(" + s + ")" : s;
    }
}
