package dev.switchboard.store.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text with {@code {placeholders}}, split once into literal and variable parts so that rendering
 * millions of bodies is plain appending. {@code \n} in the source stands for a line break.
 */
final class Template {
    /** What a placeholder stands for; the lower-case name is what templates write. */
    enum Var { FIRST, LAST, COMPANY, ORDER, INVOICE, PRODUCT, PLAN, AMOUNT, DATE, DUE, HUB, CASE, TRACKING,
        DAYS, WAIT, HANDLE, TITLE }

    private final String[] literals;
    private final Var[] vars;

    private Template(String[] literals, Var[] vars) {
        this.literals = literals;
        this.vars = vars;
    }

    /** @throws IllegalArgumentException on an unknown or unclosed placeholder */
    static Template compile(String source) {
        String text = source.replace("\\n", "\n");
        List<String> literals = new ArrayList<>();
        List<Var> vars = new ArrayList<>();
        int from = 0;
        for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder in: " + source);
            }
            literals.add(text.substring(from, open));
            String name = text.substring(open + 1, close);
            try {
                vars.add(Var.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} in: " + source, e);
            }
            from = close + 1;
        }
        literals.add(text.substring(from));
        return new Template(literals.toArray(String[]::new), vars.toArray(Var[]::new));
    }

    static List<Template> compileAll(List<String> sources) {
        return sources.stream().map(Template::compile).toList();
    }

    void render(StringBuilder out, Values values) {
        for (int i = 0; i < vars.length; i++) {
            out.append(literals[i]).append(values.get(vars[i]));
        }
        out.append(literals[vars.length]);
    }

    String render(Values values) {
        StringBuilder out = new StringBuilder(64);
        render(out, values);
        return out.toString();
    }

    /** The values placeholders resolve to; unset ones render empty. Reused, so not thread-safe. */
    static final class Values {
        private final String[] values = new String[Var.values().length];

        Values set(Var var, String value) {
            values[var.ordinal()] = value;
            return this;
        }

        String get(Var var) {
            String v = values[var.ordinal()];
            return v == null ? "" : v;
        }
    }
}
