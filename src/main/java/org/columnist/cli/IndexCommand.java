package org.columnist.cli;

import org.columnist.archive.Archive;
import org.columnist.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "index",
    description = "Bring the search index (data/index/) up to date with the archive.")
final class IndexCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--rebuild", description = "Index every column anew.")
  boolean rebuild;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    long start = System.nanoTime();
    Archive archive = new Archive(wiring.config.paths().archive());
    SearchIndex.UpdateReport r;
    try (SearchIndex index = wiring.searchIndex()) {
      r =
          rebuild
              ? index.rebuild(archive, new ProgressDisplay(spec.commandLine().getErr()))
              : index.update(archive);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Indexed: %d added, %d updated, %d deleted, %d unchanged, in %.2f s.%n",
            r.added(), r.updated(), r.deleted(), r.unchanged(), (System.nanoTime() - start) / 1e9);
  }
}
