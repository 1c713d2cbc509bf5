package org.columnist.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.queue.Draft;
import org.columnist.queue.Queue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "draft",
    description = "Write the column: edit, set, show, diff and list the versions of a draft.",
    subcommands = {
      DraftCommand.Edit.class,
      DraftCommand.Set.class,
      DraftCommand.Show.class,
      DraftCommand.Diff.class,
      DraftCommand.History.class,
      DraftCommand.New.class
    })
final class DraftCommand {

  @Command(
      name = "edit",
      description = "Open the draft in $VISUAL or $EDITOR; save it back as a new version.")
  static final class Edit extends QueueCommand.Verb implements Callable<Integer> {
    private static final String HEADER = "# ";

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Wiring wiring = new Wiring(config.load());
      Queue queue = wiring.queue();
      Draft draft = queue.drafts().latest(id);
      // The file lives in the instance's data folder, not /tmp, so no text is ever lost.
      Path file = wiring.config.paths().data().resolve("drafts").resolve("draft-" + id + ".md");
      // The reader's words before any masking: for the coach's eyes only.
      AtomicFile.createFolders(file.getParent(), AtomicFile.Access.OWNER_ONLY);
      AtomicFile.write(
          file, draft.text().getBytes(StandardCharsets.UTF_8), true, AtomicFile.Access.OWNER_ONLY);
      String lastRejected = null;
      while (true) {
        int exit = runEditor(file);
        if (exit != 0) {
          spec.commandLine()
              .getErr()
              .printf(
                  "draft: the editor exited with %d; nothing saved, your text is in %s%n",
                  exit, Paths.display(file));
          return 1;
        }
        String text = withoutHeader(Files.readString(file, StandardCharsets.UTF_8));
        if (text.isBlank()) {
          Files.delete(file);
          out().println("Empty file: nothing saved.");
          return 0;
        }
        try {
          int version = queue.drafts().save(id, text, actor.actor(), draft.version());
          Files.delete(file);
          out()
              .println(
                  version == draft.version()
                      ? "No changes."
                      : "Saved draft " + id + " as version " + version + ".");
          return 0;
        } catch (InvalidFileException e) {
          if (text.equals(lastRejected)) {
            spec.commandLine()
                .getErr()
                .printf(
                    "draft: not saved, the same problems remain; your text is in %s%n",
                    Paths.display(file));
            return 1;
          }
          lastRejected = text;
          Files.writeString(file, header(e.problems()) + text, StandardCharsets.UTF_8);
        } catch (ColumnistException e) {
          spec.commandLine()
              .getErr()
              .printf(
                  "draft: not saved: %s; your text is in %s%n",
                  e.getMessage(), Paths.display(file));
          return 1;
        }
      }
    }

    private static int runEditor(Path file) throws IOException, InterruptedException {
      String editor = System.getenv("VISUAL");
      if (editor == null || editor.isBlank()) {
        editor = System.getenv("EDITOR");
      }
      if (editor == null || editor.isBlank()) {
        editor = "vi";
      }
      // Through the shell, so that EDITOR may carry arguments ("code --wait").
      Process process =
          new ProcessBuilder("sh", "-c", editor + " \"$1\"", "editor", file.toString())
              .inheritIO()
              .start();
      return process.waitFor();
    }

    /** The problems as comment lines on top, with line numbers as the editor will show them. */
    private static String header(List<Problem> problems) {
      List<String> lines = new ArrayList<>();
      lines.add(
          HEADER
              + "This draft was not saved. Fix what is listed, save and quit; an empty file cancels.");
      for (Problem p : problems) {
        lines.add(
            HEADER
                + (p.line() > 0 ? "line " + (p.line() + problems.size() + 2) + ": " : "")
                + p.message());
      }
      lines.add(HEADER + "(these lines go away by themselves)");
      return String.join("\n", lines) + "\n";
    }

    private static String withoutHeader(String text) {
      int start = 0;
      while (text.startsWith(HEADER, start)) {
        int end = text.indexOf('\n', start);
        start = end < 0 ? text.length() : end + 1;
      }
      return text.substring(start);
    }
  }

  @Command(
      name = "set",
      description = "Save FILE (a column in archive format) as the draft's next version.")
  static final class Set extends QueueCommand.Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(
        names = "--expect-version",
        paramLabel = "V",
        description = "Refuse if the draft is no longer at version V.")
    Integer expected;

    @Override
    public void run() {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
      }
      try {
        int version = queue().drafts().save(id, text, actor.actor(), expected);
        out().printf("Draft %d is at version %d.%n", id, version);
      } catch (InvalidFileException e) {
        // Point the problems at the file the user gave, not at the draft's name.
        throw new InvalidFileException(
            e.problems().stream().map(p -> new Problem(file, p.line(), p.message())).toList());
      }
    }
  }

  @Command(name = "show", description = "Print the draft's latest version (archive format).")
  static final class Show extends QueueCommand.Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public void run() {
      out().print(queue().drafts().latest(id).text());
    }
  }

  @Command(
      name = "diff",
      description = "What changed between two versions (default: the last two).")
  static final class Diff extends QueueCommand.Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "V1")
    Integer from;

    @Parameters(index = "2", arity = "0..1", paramLabel = "V2")
    Integer to;

    @Override
    public void run() {
      String diff = queue().drafts().diff(id, from, to);
      out().println(diff.isEmpty() ? "No differences." : diff);
    }
  }

  @Command(name = "history", description = "Every saved version of the draft.")
  static final class History extends QueueCommand.Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public void run() {
      Listing.print(
          out(),
          json,
          queue().drafts().history(id),
          v ->
              String.format(
                  "version %3d  %s  %-16s  %d lines",
                  v.version(), v.savedAt(), v.savedBy(), v.text().lines().count()),
          "No draft yet.");
    }
  }

  @Command(name = "new", description = "Start a column with no reader's question behind it.")
  static final class New extends QueueCommand.Verb implements Runnable {
    @Option(
        names = "--title",
        required = true,
        paramLabel = "TITLE",
        description = "The working title.")
    String title;

    @Override
    public void run() {
      long id = queue().drafts().start(title, actor.actor());
      out().printf("Started column %d. Next: columnist draft edit %d%n", id, id);
    }
  }
}
