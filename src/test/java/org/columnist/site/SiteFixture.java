package org.columnist.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.config.Templates;

/**
 * A fresh instance made by init (config, templates, the three sample columns) to build sites in.
 */
final class SiteFixture {
  final Path dir;
  final Config config;
  final Archive archive;

  SiteFixture(Path dir) {
    this(dir, false);
  }

  /** The instance in {@code dir}: made by init there, or {@code existing} already. */
  SiteFixture(Path dir, boolean existing) {
    this.dir = dir;
    if (!existing) {
      InstanceSkeleton.copyTo(dir);
    }
    config = Config.load(dir.resolve("config/columnist.yml"), Map.of());
    archive = new Archive(config.paths().archive());
  }

  SiteBuilder builder() {
    return new SiteBuilder(config, archive);
  }

  /** A builder whose shipped templates are those in {@code shipped}, as another release's. */
  SiteBuilder builder(Path shipped) {
    return new SiteBuilder(
        config,
        archive,
        slug -> List.of(),
        ReaderSide.NONE,
        new Templates(config.paths().templates(), shipped));
  }

  Path publicDir() {
    return config.paths().publicDir();
  }

  /** Every file of the built site, relative to public/, sorted. */
  List<String> files() {
    try (Stream<Path> walk = Files.walk(publicDir())) {
      return walk.filter(Files::isRegularFile)
          .map(p -> publicDir().relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String page) {
    try {
      return Files.readString(publicDir().resolve(page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
