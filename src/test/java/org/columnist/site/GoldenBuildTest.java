package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.columnist.Sha256;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every build of the same archive writes the same bytes: a seeded archive of a few hundred columns
 * built from an empty {@code public/}, with {@code --clean} over an existing site, and
 * incrementally after edits, each matches {@code golden-build.tsv} (path, SHA-256 of each file),
 * which the build before issue 18's speed work made. A faster build must not change a byte.
 *
 * <p>To regenerate the manifest after an intended change of output (say so in the commit, and which
 * pages changed): {@code mvn -o test -Dtest=GoldenBuildTest -Dgolden.rewrite=true}.
 */
class GoldenBuildTest {
  private static final Path MANIFEST = Path.of("src/test/resources/site/golden-build.tsv");
  private static final int COLUMNS = 300;

  @TempDir Path dir;

  @Test
  void aFirstBuildIntoAnEmptyFolderWritesTheGoldenSite() throws IOException {
    SiteFixture fx = instance(dir.resolve("first"));
    Files.createDirectories(fx.publicDir());
    fx.builder().build(false);
    assertMatchesManifest(fx);
  }

  @Test
  void aCleanBuildOverAnExistingSiteWritesTheGoldenSite() throws IOException {
    SiteFixture fx = instance(dir.resolve("clean"));
    fx.builder().build(false);
    Files.writeString(fx.publicDir().resolve("stray.html"), "left by hand");
    Files.writeString(fx.publicDir().resolve("index.html"), "edited by hand");
    Files.delete(fx.publicDir().resolve("about/index.html"));
    fx.builder().build(true);
    assertMatchesManifest(fx);
  }

  @Test
  void anIncrementalBuildAfterEditsWritesTheGoldenSite() throws IOException {
    SiteFixture fx = instance(dir.resolve("incremental"));
    List<Column> columns = columns();
    Map<Path, byte[]> golden = snapshot(fx);
    // An earlier state of the archive: columns changed, one gone, one that is gone now.
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      Column c = columns.get(random.nextInt(columns.size()));
      Path file = fx.archive.pathFor(c);
      Files.deleteIfExists(file);
      Column earlier =
          i % 3 == 0
              ? edited(c, c.title() + " (first draft)", c.lastWord())
              : i % 3 == 1
                  ? edited(c, c.title(), c.lastWord() + "\n\nA sentence cut later.")
                  : null;
      if (earlier != null) {
        fx.archive.write(earlier);
      }
    }
    fx.archive.write(column(new Random(99), COLUMNS + 1, "a-column-withdrawn-later"));
    fx.builder().build(false);
    // Now the archive as the manifest knows it, with times that differ from the earlier files'.
    for (Path file : archiveFiles(fx)) {
      if (!golden.containsKey(file)) {
        Files.delete(file);
      }
    }
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    for (Map.Entry<Path, byte[]> e : golden.entrySet()) {
      if (!Files.exists(e.getKey())
          || !Arrays.equals(Files.readAllBytes(e.getKey()), e.getValue())) {
        Files.createDirectories(e.getKey().getParent());
        Files.write(e.getKey(), e.getValue());
        Files.setLastModifiedTime(e.getKey(), later);
      }
    }
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.full()).isFalse();
    assertMatchesManifest(fx);
  }

  /** An instance whose archive holds the seeded columns and nothing else. */
  private static SiteFixture instance(Path root) throws IOException {
    SiteFixture fx = new SiteFixture(root);
    for (Path file : archiveFiles(fx)) {
      Files.delete(file);
    }
    for (Column c : columns()) {
      fx.archive.write(c);
    }
    return fx;
  }

  private static void assertMatchesManifest(SiteFixture fx) throws IOException {
    Map<String, String> built = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(fx.publicDir())) {
      for (Path p : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        if (Files.isDirectory(p)) {
          assertThat(mode).as(p.toString()).isEqualTo("rwxr-xr-x");
        } else {
          assertThat(mode).as(p.toString()).isEqualTo("rw-r--r--");
          built.put(fx.publicDir().relativize(p).toString(), Sha256.hex(Files.readAllBytes(p)));
        }
      }
    }
    StringBuilder tsv = new StringBuilder();
    built.forEach((path, hash) -> tsv.append(path).append('\t').append(hash).append('\n'));
    if (Boolean.getBoolean("golden.rewrite")) {
      Files.writeString(MANIFEST, tsv);
    }
    assertThat(tsv.toString())
        .as("the built site against %s (%d files)", MANIFEST, built.size())
        .isEqualTo(Files.readString(MANIFEST));
  }

  private static List<Path> archiveFiles(SiteFixture fx) throws IOException {
    try (Stream<Path> walk = Files.walk(fx.archive.root())) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("about.md"))
          .toList();
    }
  }

  private static Map<Path, byte[]> snapshot(SiteFixture fx) throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (Path file : archiveFiles(fx)) {
      files.put(file, Files.readAllBytes(file));
    }
    return files;
  }

  // The seeded archive. Change nothing here without regenerating the manifest.

  private static final String[] TOPICS = {
    "burnout", "new manager", "team conflict", "career change", "feedback", "delegation",
    "work & life", "équipe", "c++ teams", "salary", "remote work", "imposter feelings"
  };
  private static final String[] INDUSTRIES = {
    "Software",
    "Healthcare",
    "Education",
    "Retail",
    "Finance",
    "Public sector",
    "Café & Bar",
    "Logística"
  };
  private static final String[] WORDS = {
    "team",
    "manager",
    "meeting",
    "feedback",
    "boundary",
    "promotion",
    "colleague",
    "trust",
    "deadline",
    "budget",
    "career",
    "listen",
    "decide",
    "energy",
    "naïve",
    "Zoë",
    "—",
    "日本語",
    "🙂",
    "&amp;",
    "`<b>`",
    "\"quoted\"",
    "it's",
    "a*b*c",
    "1 < 2",
    "x_y_z"
  };
  private static final String[] HOSTILE = {
    "`<script>alert('x')</script>`",
    "[a relative link](../../etc/passwd)",
    "![remote](https://images.example/x.png)",
    "[a fine link](https://example.org/a?b=1&c=2)",
    "[quoted \"title\"](https://evil.example/\"onclick=x() \"t\")",
    "`code <with> tags`",
    "> a quote\n> that spans lines",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "a line with a hard break  \nand \\<escaped\\> brackets",
    "&lt;escaped&gt; &copy; &#x1F600;",
    "[mail me](mailto:a@b.example)",
    "***bold italic*** and ~~struck~~",
  };

  static List<Column> columns() {
    Random random = new Random(18);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < COLUMNS; i++) {
      columns.add(column(random, i, null));
    }
    return columns;
  }

  private static Column column(Random random, int n, String slug) {
    LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(7 * 365));
    String title = plain(random, 3 + random.nextInt(6));
    if (n % 17 == 0) {
      title = title + " & \"friends\" 1 > 0";
    }
    List<String> tags = new ArrayList<>();
    for (int t = random.nextInt(4); t > 0; t--) {
      String tag = TOPICS[random.nextInt(TOPICS.length)];
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    List<String> aliases = new ArrayList<>();
    if (n % 11 == 0) {
      aliases.add("/old/" + n + ".html");
    }
    if (n % 29 == 0) {
      aliases.add("/legacy/column-" + n + "/");
    }
    if (n == 58) {
      aliases.add("/about/"); // a real page's address: the alias gets no room
    }
    LocalDate corrected = n % 13 == 0 ? date.plusDays(1 + random.nextInt(90)) : null;
    ClientProfile client =
        new ClientProfile(
            n % 7 == 0 ? null : "Client " + plain(random, 1),
            n % 5 == 0 ? null : 22 + random.nextInt(40),
            n % 9 == 0 ? null : plain(random, 2),
            n % 4 == 0 ? null : random.nextInt(30),
            n % 6 == 0 ? null : random.nextInt(10),
            n % 8 == 0 ? null : INDUSTRIES[random.nextInt(INDUSTRIES.length)],
            plain(random, 3));
    return new Column(
        title,
        date,
        corrected,
        slug != null ? slug : "column-" + n + "-" + Integer.toString(random.nextInt(1 << 20), 36),
        client,
        tags,
        aliases,
        body(random, 1 + random.nextInt(3)),
        body(random, 2 + random.nextInt(4)),
        body(random, 1 + random.nextInt(3)),
        body(random, 1 + random.nextInt(3)),
        body(random, 1));
  }

  private static String body(Random random, int paragraphs) {
    StringBuilder out = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      out.append(p == 0 ? "" : "\n\n").append(sentence(random, 8 + random.nextInt(40))).append('.');
      if (random.nextInt(4) == 0) {
        out.append("\n\n").append(HOSTILE[random.nextInt(HOSTILE.length)]);
      }
      if (random.nextInt(6) == 0) {
        out.append("\n\n- ").append(sentence(random, 4)).append("\n- ").append(sentence(random, 5));
      }
    }
    return out.toString();
  }

  /** A sentence without markup, for the fields that take plain text only. */
  private static String plain(Random random, int words) {
    return sentence(random, words).replace("`<b>`", "b").replace("&amp;", "and");
  }

  private static String sentence(Random random, int words) {
    StringBuilder out = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      out.append(w == 0 ? "" : " ")
          .append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
    }
    return out.toString();
  }

  private static Column edited(Column c, String title, String lastWord) {
    return new Column(
        title,
        c.date(),
        c.corrected(),
        c.slug(),
        c.client(),
        c.tags(),
        c.aliases(),
        c.question(),
        c.answer(),
        c.innerGame(),
        c.outerGame(),
        lastWord);
  }
}
