package org.columnist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  private static final String VALID =
      """
      site:
        title: Coach's Corner
        base_url: https://column.example
        language: en
        time_zone: America/Chicago
      coach:
        name: Pat Example
        bio: Credentialed coach.
      column:
        address: ask@column.example
      """;

  @TempDir Path instance;

  @Test
  void readsTheRepositorysOwnConfig() {
    Config config = Config.load(Path.of("config/columnist.yml"), Map.of());
    assertThat(config.site().title()).isEqualTo("Coach's Corner");
    assertThat(config.site().timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(config.column().address()).isEqualTo("ask@column.example");
    assertThat(config.paths().archive()).isEqualTo(Path.of("").toAbsolutePath().resolve("archive"));
  }

  @Test
  void readsTypedValuesAndResolvesPathsAgainstTheInstance() throws IOException {
    Config config = load(VALID + "paths:\n  archive: columns\n");
    assertThat(config.site().baseUrl()).isEqualTo(URI.create("https://column.example/"));
    assertThat(config.site().language()).isEqualTo("en");
    assertThat(config.coach().bio()).isEqualTo("Credentialed coach.");
    assertThat(config.paths().archive()).isEqualTo(instance.resolve("columns"));
    assertThat(config.paths().data()).isEqualTo(instance.resolve("data"));
    assertThat(config.instanceDir()).isEqualTo(instance);
  }

  @Test
  void namesAnUnknownKeyAndItsLine() throws IOException {
    assertThat(problems(VALID.replace("  language: en\n", "  langauge: en\n")))
        .containsExactly(
            file()
                + ":4: unknown key 'site.langauge' (known here: base_url, language, remote_images, time_zone, title)");
  }

  @Test
  void allowsRemoteImagesOnlyWhenTheSiteSaysSo() throws IOException {
    assertThat(load(VALID).site().remoteImages()).isFalse();
    assertThat(
            load(VALID.replace("  language: en\n", "  language: en\n  remote_images: true\n"))
                .site()
                .remoteImages())
        .isTrue();
    assertThat(
            problems(VALID.replace("  language: en\n", "  language: en\n  remote_images: yes\n")))
        .containsExactly(file() + ":5: 'site.remote_images' must be true or false, not 'yes'");
  }

  @Test
  void namesAKeyWithTheWrongType() throws IOException {
    assertThat(problems(VALID.replace("title: Coach's Corner", "title: [a, b]")))
        .containsExactly(file() + ":2: 'site.title' must be text, not a list");
    assertThat(
            problems(
                VALID.replace(
                    "coach:\n  name: Pat Example\n  bio: Credentialed coach.\n", "coach: Pat\n")))
        .containsExactly(file() + ":6: 'coach' must be a group of 'key: value' lines, not text");
  }

  @Test
  void reportsEveryBadValueAtOnce() throws IOException {
    String text =
        VALID
            .replace("https://column.example", "column.example")
            .replace("America/Chicago", "Mars/Olympus")
            .replace("ask@column.example", "not an address");
    assertThat(problems(text))
        .containsExactly(
            file()
                + ":3: 'site.base_url' must be an absolute http(s) URL like https://column.example/, not 'column.example'",
            file()
                + ":5: 'site.time_zone' must be a time zone like America/Chicago or UTC, not 'Mars/Olympus'",
            file()
                + ":10: 'column.address' must be an e-mail address like ask@column.example, not 'not an address'");
  }

  @Test
  void reportsAMissingSectionAndAMissingKey() throws IOException {
    assertThat(problems(VALID.replace("column:\n  address: ask@column.example\n", "")))
        .containsExactly(file() + ":1: 'column' is missing: the config needs a 'column:' section");
    assertThat(problems(VALID.replace("  name: Pat Example\n", "")))
        .containsExactly(file() + ":7: 'coach.name' is missing");
  }

  @Test
  void takesValuesFromTheEnvironment() throws IOException {
    write(VALID.replace("name: Pat Example", "name: ${COACH_NAME}"));
    Config config = Config.load(file(), Map.of("COACH_NAME", "Robin Coach"));
    assertThat(config.coach().name()).isEqualTo("Robin Coach");
  }

  @Test
  void namesAnUnsetEnvironmentVariable() throws IOException {
    assertThat(problems(VALID.replace("name: Pat Example", "name: ${COACH_NAME}")))
        .containsExactly(
            file()
                + ":7: 'coach.name' refers to the environment variable COACH_NAME, which is not set");
  }

  @Test
  void takesAValueFromAFileRelativeToTheInstance() throws IOException {
    Files.writeString(instance.resolve("bio.txt"), "A long biography.\n");
    write(VALID.replace("bio: Credentialed coach.", "bio_file: bio.txt"));
    assertThat(Config.load(file(), Map.of()).coach().bio()).isEqualTo("A long biography.");
  }

  @Test
  void refusesBothAValueAndItsFile() throws IOException {
    assertThat(problems(VALID.replace("bio: Credentialed coach.", "bio: x\n  bio_file: bio.txt")))
        .containsExactly(file() + ":9: give either 'coach.bio' or 'coach.bio_file', not both");
    assertThat(problems(VALID.replace("bio: Credentialed coach.", "bio_file: missing.txt")))
        .singleElement()
        .asString()
        .startsWith(file() + ":8: 'coach.bio_file': cannot read");
  }

  @Test
  void reportsBrokenYaml() throws IOException {
    assertThat(problems("site: [\n"))
        .singleElement()
        .asString()
        .startsWith(file() + ":")
        .contains("not valid YAML");
  }

  @Test
  void readsTheMailSectionsWithTheirDefaults() throws IOException {
    Config config =
        load(
            VALID
                + """
                mail:
                  host: imap.example.com
                  user: ask@column.example
                  password: ${PW}
                smtp:
                  host: smtp.example.com
                  from: ask@column.example
                """
                    .replace("${PW}", "${HOME}"));
    MailSettings.Mailbox mail = config.requireMailbox();
    assertThat(mail.protocol()).isEqualTo("imaps");
    assertThat(mail.port()).isEqualTo(993);
    assertThat(mail.folder()).isEqualTo("INBOX");
    assertThat(mail.processedFolder()).isEqualTo("Columnist/Processed");
    assertThat(mail.pollInterval()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(mail.maxMessageBytes()).isEqualTo(25L << 20);
    assertThat(mail.ackPeriod()).isEqualTo(java.time.Duration.ofDays(7));
    assertThat(config.requireSmtp().port()).isEqualTo(587);
    assertThat(config.requireSmtp().security()).isEqualTo("starttls");
  }

  @Test
  void namesBadMailValues() throws IOException {
    String mail =
        """
        mail:
          protocol: carrier-pigeon
          host: imap.example.com
          user: ask@column.example
          password: plain-text
          poll_interval: often
          max_message_bytes: huge
        """;
    assertThat(problems(VALID + mail))
        .contains(
            file()
                + ":12: 'mail.protocol' must be one of imap, imaps, pop3, pop3s, not 'carrier-pigeon'",
            file()
                + ":15: 'mail.password' must not be written in the file: use ${ENV_VAR} or password_file: PATH",
            file()
                + ":16: 'mail.poll_interval' must be a duration like 60s, 5m, 2h or 7d, not 'often'",
            file() + ":17: 'mail.max_message_bytes' must be a size like 25MB or 500KB, not 'huge'");
  }

  @Test
  void explainsAMissingMailSection() throws IOException {
    Config config = load(VALID);
    assertThatThrownBy(config::requireMailbox)
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("no 'mail:' section");
  }

  @Test
  void explainsAMissingConfigFile() {
    assertThatThrownBy(() -> Config.load(instance.resolve("config/columnist.yml"), Map.of()))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("run 'columnist init'");
  }

  private Path file() {
    return instance.resolve("config/columnist.yml");
  }

  private void write(String text) throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), text);
  }

  private Config load(String text) throws IOException {
    write(text);
    return Config.load(file(), Map.of("HOME", "/home/pat"));
  }

  private List<String> problems(String text) throws IOException {
    write(text);
    try {
      Config.load(file(), Map.of());
      return List.of();
    } catch (InvalidFileException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
