package backprop.app.cli;

import backprop.app.lesson.Lesson;
import backprop.app.lesson.LessonException;
import backprop.app.lesson.LessonReader;
import backprop.app.lesson.LessonWalk;
import backprop.engine.spec.UserText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lesson check DIR…} and {@code lesson run DIR --answer-from-engine}: a lesson played headless
 * on the engine (see docs/lesson-format.md). Exit 0 when every lesson passes, 1 when a check failed
 * (an id a step names does not exist, a goal not reached), 2 when a file is bad (malformed, outside
 * the folder, too big).
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Check lessons, or play one to its end answering with the engine's values.",
        subcommands = {LessonCommand.Check.class, LessonCommand.Run.class})
final class LessonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.BAD_INPUT;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate lesson folders: the format, every file they name, every view, control, point and element a step names,",
                    "and that every question can be answered by the engine."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "lesson folders (each holds lesson.json)")
        List<Path> folders;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            int code = Cli.OK;
            for (Path f : folders) {
                try {
                    Lesson l = LessonReader.read(f);
                    LessonWalk.Result r = LessonWalk.walk(l);
                    for (String line : r.failures()) err.println(UserText.oneLine("lesson check: " + line));
                    if (r.failures().isEmpty()) out.println("ok " + f + ": " + l.steps().size() + " steps, " + r.answers().size() + " questions");
                    else code = Math.max(code, Cli.FAILED);
                } catch (LessonException e) {
                    err.println(UserText.oneLine("lesson check: " + e.getMessage()));
                    code = Cli.BAD_INPUT;
                }
            }
            return code;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Play a lesson headless to its end, printing each question with the engine's answer.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the lesson folder")
        Path folder;

        @Option(names = "--answer-from-engine", required = true,
                description = "answer every question with the value the engine computes (the only way to play without a student)")
        boolean fromEngine;

        @Override
        public Integer call() throws LessonException {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            Lesson l = LessonReader.read(folder);
            LessonWalk.Result r = LessonWalk.walk(l);
            for (int i = 0; i < l.steps().size(); i++) {
                LessonWalk.Answer a = r.answer(i);
                out.println(UserText.oneLine("step " + (i + 1) + "/" + l.steps().size() + " " + l.steps().get(i).title()
                        + (a == null ? "" : " · answered: " + a.text())));
            }
            for (String line : r.failures()) err.println(UserText.oneLine("lesson run: " + line));
            if (!r.failures().isEmpty()) return Cli.FAILED;
            out.println("done: " + l.title() + " (" + r.answers().size() + " questions answered by the engine)");
            return Cli.OK;
        }
    }
}
