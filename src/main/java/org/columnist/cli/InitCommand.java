package org.columnist.cli;

import java.nio.file.Path;
import java.util.List;
import org.columnist.config.InstanceSkeleton;
import org.columnist.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    description = "Create a new instance: config, templates, sample archive, data.")
final class InitCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "Where (default: the current folder).")
  Path dir = Path.of(".");

  @Override
  public void run() {
    List<Path> files = InstanceSkeleton.copyTo(dir);
    Store.open(dir.resolve("data/columnist.db"));
    long columns =
        files.stream().filter(f -> f.startsWith("archive") && f.toString().endsWith(".md")).count();
    var out = spec.commandLine().getOut();
    // The full path, so that an instance made from a relative or ".." path is easy to find again.
    out.printf("Created a Columnist instance in %s%n", dir.toAbsolutePath().normalize());
    out.printf(
        "  config/columnist.yml   the settings: edit the site title, base URL and addresses%n");
    out.printf("  archive/               %d sample columns%n", columns);
    out.printf("  templates/             your overrides of the shipped templates%n");
    out.printf("  data/columnist.db      the queue, mail and subscribers%n");
    out.printf("Next: cd %s && columnist check%n", Paths.display(dir.toAbsolutePath()));
  }
}
