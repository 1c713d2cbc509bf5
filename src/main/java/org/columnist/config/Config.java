package org.columnist.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.yaml.YamlMapping;

/**
 * An instance's settings, read from {@code config/columnist.yml} and validated as a whole: every
 * problem in the file is reported at once, each naming its key and line.
 */
public record Config(
    Path instanceDir,
    Site site,
    Coach coach,
    ColumnSettings column,
    Paths paths,
    MailSettings.Mailbox mailbox,
    MailSettings.Smtp smtp,
    List<String> synonyms,
    Server server,
    NewsletterSettings newsletter,
    ResponsesSettings responses,
    VotesSettings votes) {

  /** The {@code mail:} section; a verb that reads mail fails clearly without one. */
  public MailSettings.Mailbox requireMailbox() {
    if (mailbox == null) {
      throw new ColumnistException(
          "the config has no 'mail:' section: add the mailbox readers write to (see README, \"Mail\")");
    }
    return mailbox;
  }

  /** The {@code smtp:} section; a verb that sends mail fails clearly without one. */
  public MailSettings.Smtp requireSmtp() {
    if (smtp == null) {
      throw new ColumnistException(
          "the config has no 'smtp:' section: add the relay to send through (see README, \"Mail\")");
    }
    return smtp;
  }

  /**
   * How the site presents itself. {@code baseUrl} always ends with '/'. {@code remoteImages}:
   * whether columns may show images from other hosts, which readers' browsers would then fetch from
   * there.
   */
  public record Site(
      String title, URI baseUrl, String language, ZoneId timeZone, boolean remoteImages) {}

  /** The coach who answers. */
  public record Coach(String name, String bio) {}

  /** The column itself: {@code address} is where readers write, shown on every page. */
  public record ColumnSettings(String address) {}

  /** The instance's folders, resolved against the instance folder. */
  public record Paths(Path archive, Path templates, Path data, Path publicDir) {}

  /** Where the servers listen: {@code host:port} each. */
  public record Server(String publicHost, int publicPort, String editorHost, int editorPort) {}

  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

  /**
   * Loads the config at {@code file}. The instance folder is the parent of its {@code config/}
   * folder (or its own folder otherwise); {@code env} resolves {@code ${VAR}} values.
   */
  public static Config load(Path file, Map<String, String> env) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ColumnistException(
          "no config at "
              + file
              + ": run 'columnist init' to create an instance, or pass --config FILE");
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path instance = instanceDirOf(file);
    List<Problem> problems = new ArrayList<>();
    Config config =
        YamlMapping.parse(file, text, 0, new YamlMapping.Secrets(env, instance), problems)
            .map(root -> read(root, instance))
            .orElse(null);
    if (!problems.isEmpty()) {
      throw new InvalidFileException(problems);
    }
    return config;
  }

  static Path instanceDirOf(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    return dir.getFileName() != null && dir.getFileName().toString().equals("config")
        ? dir.getParent()
        : dir;
  }

  private static Config read(YamlMapping root, Path instance) {
    YamlMapping siteMap = section(root, "site");
    Site site =
        new Site(
            siteMap.requiredText("title").orElse(""),
            baseUrl(siteMap),
            language(siteMap),
            timeZone(siteMap),
            siteMap.bool("remote_images", false));
    siteMap.rejectUnknownKeys();

    YamlMapping coachMap = section(root, "coach");
    Coach coach =
        new Coach(
            coachMap.requiredText("name").orElse(""), coachMap.text("bio").orElse("").strip());
    coachMap.rejectUnknownKeys();

    YamlMapping columnMap = section(root, "column");
    String address = columnMap.requiredText("address").orElse("");
    if (!address.isEmpty() && !ADDRESS.matcher(address).matches()) {
      columnMap.problem(
          "address", "must be an e-mail address like ask@column.example, not '" + address + "'");
    }
    columnMap.rejectUnknownKeys();

    Paths paths =
        root.mapping("paths").map(p -> paths(p, instance)).orElseGet(() -> defaultPaths(instance));
    List<String> synonyms = root.mapping("search").map(Config::synonyms).orElse(null);
    Server server =
        root.mapping("server")
            .map(Config::server)
            .orElse(new Server("127.0.0.1", 8080, "127.0.0.1", 8081));
    MailSettings.Mailbox mailbox = root.mapping("mail").map(MailSettings::mailbox).orElse(null);
    MailSettings.Smtp smtp = root.mapping("smtp").map(MailSettings::smtp).orElse(null);
    NewsletterSettings newsletter =
        root.mapping("newsletter")
            .map(n -> NewsletterSettings.read(n, instance))
            .orElse(NewsletterSettings.DEFAULTS);
    ResponsesSettings responses =
        root.mapping("responses").map(ResponsesSettings::read).orElse(ResponsesSettings.DEFAULTS);
    VotesSettings votes =
        root.mapping("votes").map(VotesSettings::read).orElse(VotesSettings.DEFAULTS);
    root.rejectUnknownKeys();
    return new Config(
        instance,
        site,
        coach,
        new ColumnSettings(address),
        paths,
        mailbox,
        smtp,
        synonyms,
        server,
        newsletter,
        responses,
        votes);
  }

  private static YamlMapping section(YamlMapping root, String key) {
    return root.mapping(key)
        .orElseGet(
            () -> {
              if (!root.has(key)) {
                root.problem(key, "is missing: the config needs a '" + key + ":' section");
              }
              return YamlMapping.parse(Path.of("-"), "{}", 0, null, new ArrayList<>())
                  .orElseThrow();
            });
  }

  /** The search section: {@code synonyms} is a list of groups like "boss, manager, supervisor". */
  private static List<String> synonyms(YamlMapping search) {
    List<String> groups = search.has("synonyms") ? search.textList("synonyms") : null;
    search.rejectUnknownKeys();
    return groups;
  }

  private static Server server(YamlMapping map) {
    String[] pub = address(map, "public", "127.0.0.1:8080");
    String[] editor = address(map, "editor", "127.0.0.1:8081");
    map.rejectUnknownKeys();
    return new Server(pub[0], Integer.parseInt(pub[1]), editor[0], Integer.parseInt(editor[1]));
  }

  private static String[] address(YamlMapping map, String key, String otherwise) {
    String value = map.text(key).orElse(otherwise);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(.+):(\\d{1,5})").matcher(value.strip());
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      map.problem(key, "must be host:port like 127.0.0.1:8080, not '" + value + "'");
      return otherwise.split(":");
    }
    return new String[] {m.group(1), m.group(2)};
  }

  /** The synonym groups for search: the config's, or the built-in list. */
  public List<String> synonymsOr(List<String> defaults) {
    return synonyms == null ? defaults : synonyms;
  }

  private static URI baseUrl(YamlMapping site) {
    String value = site.requiredText("base_url").orElse("http://localhost/");
    try {
      URI uri = new URI(value.endsWith("/") ? value : value + "/");
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        site.problem(
            "base_url",
            "must be an absolute http(s) URL like https://column.example/, not '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      site.problem("base_url", "is not a valid URL: " + e.getReason());
      return URI.create("http://localhost/");
    }
  }

  private static String language(YamlMapping site) {
    String value = site.text("language").orElse("en");
    try {
      return new Locale.Builder().setLanguageTag(value).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      site.problem("language", "must be a language tag like en or en-GB, not '" + value + "'");
      return "en";
    }
  }

  private static ZoneId timeZone(YamlMapping site) {
    String value = site.text("time_zone").orElse("UTC");
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      site.problem(
          "time_zone", "must be a time zone like America/Chicago or UTC, not '" + value + "'");
      return ZoneId.of("UTC");
    }
  }

  private static Paths paths(YamlMapping map, Path instance) {
    Paths defaults = defaultPaths(instance);
    Paths paths =
        new Paths(
            map.text("archive").map(instance::resolve).orElse(defaults.archive()),
            map.text("templates").map(instance::resolve).orElse(defaults.templates()),
            map.text("data").map(instance::resolve).orElse(defaults.data()),
            map.text("public").map(instance::resolve).orElse(defaults.publicDir()));
    map.rejectUnknownKeys();
    return paths;
  }

  private static Paths defaultPaths(Path instance) {
    return new Paths(
        instance.resolve("archive"),
        instance.resolve("templates"),
        instance.resolve("data"),
        instance.resolve("public"));
  }
}
