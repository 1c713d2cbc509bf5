package org.columnist.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.site.Aliases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    description =
        "Validate the config and every archive file; print each problem as path:line: message.")
final class CheckCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print one JSON document instead of lines.")
  boolean json;

  @Override
  public Integer call() {
    List<Problem> problems = new ArrayList<>();
    int files = 0;
    try {
      Config loaded = config.load();
      Archive archive = new Archive(loaded.paths().archive());
      Archive.CheckReport report = archive.check(new ProgressDisplay(spec.commandLine().getErr()));
      files = report.files();
      problems.addAll(report.problems());
      // The aliases the site build would not write: only the site knows its pages.
      problems.addAll(Aliases.problems(archive));
    } catch (InvalidFileException e) {
      problems.addAll(e.problems());
    }
    var out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Problem p : problems) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("file", Paths.display(p.file()).toString());
        item.put("line", p.line());
        item.put("message", p.message());
        list.add(item);
      }
      Json.print(out, Map.of("files", files, "problems", list));
    } else {
      problems.forEach(p -> out.println(p.format(Paths.display(p.file()))));
      if (problems.isEmpty()) {
        out.printf("Checked the config and %d archive files: no problems.%n", files);
      }
    }
    if (!problems.isEmpty()) {
      spec.commandLine().getErr().printf("check: %d problems found%n", problems.size());
      return 1;
    }
    return 0;
  }
}
