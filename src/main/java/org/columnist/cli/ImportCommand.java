package org.columnist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.columnist.Problem;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.importer.Importer;
import org.columnist.site.Aliases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description = {
      "Bring a back catalogue into the archive: files and folders (recursively) of .txt, .text,"
          + " .md, .markdown, .html, .htm, .mhtml, .eml, .mbox and WordPress exports (.xml).",
      "Prints one line per column (imported, duplicate) and each refusal as file:line: reason;"
          + " exits 1 when anything was refused (the rest is still imported)."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to import.")
  List<Path> paths;

  @Option(names = "--dry-run", description = "Print what each input would become; write nothing.")
  boolean dryRun;

  @Option(
      names = "--loose",
      description =
          "Import an advice article without the column's layout (no Q and A) as its answer,"
              + " with a warning, instead of refusing it.")
  boolean loose;

  @Option(
      names = "--allow-private",
      description =
          "Import a column with an e-mail address or phone number in it, with a warning,"
              + " instead of refusing it.")
  boolean allowPrivate;

  @Option(names = "--json", description = "Print one JSON document instead of lines.")
  boolean json;

  @Override
  public Integer call() {
    Config loaded = config.load();
    Archive archive = new Archive(loaded.paths().archive());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportLines lines = new ImportLines(archive, dryRun);
    List<Map<String, Object>> outcomes = new ArrayList<>();
    Importer.Summary summary;
    ProgressDisplay progress = new ProgressDisplay(err);
    try {
      Importer.Listener listener =
          new Importer.Listener() {
            @Override
            public void started(int files) {
              progress.started("Importing", "inputs read", files);
            }

            @Override
            public void outcome(Importer.Outcome outcome) {
              if (json) {
                outcomes.add(lines.json(outcome));
              } else {
                lines.print(outcome, out, err);
              }
            }

            @Override
            public void done(Path input) {
              progress.advanced(1);
            }
          };
      summary =
          new Importer(archive, loaded.coach().name())
              .run(paths, new Importer.Options(dryRun, loose, allowPrivate), listener);
    } finally {
      progress.finished();
    }
    for (Path file : summary.unreadable()) {
      err.println(
          Paths.display(file)
              + ": warning: columnist check refuses this archive file, so the import could not"
              + " compare it for duplicates: run columnist check");
    }
    if (!dryRun && summary.imported() > 0) {
      // Old addresses the build would not write (another column's, a real page): only the site
      // knows its pages, so the import says it here rather than leaving it to the next check.
      for (Problem problem : Aliases.problems(archive)) {
        Path file = Paths.display(problem.file());
        String where = problem.line() > 0 ? file + ":" + problem.line() : file.toString();
        err.println(where + ": warning: " + problem.message());
      }
    }
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("dryRun", dryRun);
      document.put("outcomes", outcomes);
      document.put("summary", lines.json(summary));
      Json.print(out, document);
    } else {
      out.println(lines.summary(summary));
    }
    if (summary.refused() > 0) {
      String rest =
          summary.imported() == 0
              ? "nothing else to import"
              : dryRun ? "the rest would be imported" : "the rest was imported";
      err.printf("import: %d refused; %s%n", summary.refused(), rest);
      return 1;
    }
    return 0;
  }
}
