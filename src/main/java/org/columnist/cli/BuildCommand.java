package org.columnist.cli;

import org.columnist.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    description = "Render the archive into the static site in public/ (only what changed).")
final class BuildCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--clean", description = "Empty public/ and render every page.")
  boolean clean;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    SiteBuilder.Report report =
        wiring.buildSite(clean, new ProgressDisplay(spec.commandLine().getErr()));
    spec.commandLine()
        .getOut()
        .printf(
            "Built %s: %d columns, %d pages rendered, %d written, %d removed, in %.2f s -> %s%n",
            report.full() ? "the whole site" : "what changed",
            report.columns(),
            report.rendered(),
            report.written(),
            report.removed(),
            report.took().toMillis() / 1000.0,
            Paths.display(wiring.config.paths().publicDir()));
  }
}
