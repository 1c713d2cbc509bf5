package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CliTest {
  @TempDir Path dir;

  public record Result(int exit, String out, String err) {}

  public static Result columnist(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** {@code columnist ARGS --config CONFIG}. */
  public static Result columnistWith(String config, String... args) {
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--config";
    full[args.length + 1] = config;
    return columnist(full);
  }

  @Test
  void printsItsVersionAndHelp() {
    assertThat(columnist("--version").out()).startsWith("columnist ");
    Result help = columnist("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("init").contains("check");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(columnist("no-such-verb").exit()).isEqualTo(2);
    assertThat(columnist("check", "--no-such-option").exit()).isEqualTo(2);
    assertThat(columnist().exit()).isEqualTo(2);
  }

  @Test
  void initCreatesAnInstanceThatPassesCheck() {
    Path instance = dir.resolve("column");
    Result init = columnist("init", instance.toString());
    assertThat(init.exit()).isZero();
    assertThat(init.out()).contains("3 sample columns");
    assertThat(instance.resolve("config/columnist.yml")).isRegularFile();
    assertThat(instance.resolve("templates/README.md")).isRegularFile();
    assertThat(instance.resolve("data/columnist.db")).isRegularFile();
    Result check =
        columnist("check", "--config", instance.resolve("config/columnist.yml").toString());
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("3 archive files: no problems");
  }

  @Test
  void initSaysTheAbsolutePathItCreatedWhenGivenARelativeOne() {
    Path instance = dir.resolve("column").toAbsolutePath().normalize();
    Path relative = Path.of("").toAbsolutePath().relativize(instance);
    Result init = columnist("init", relative.toString());
    assertThat(init.exit()).isZero();
    assertThat(init.out()).contains("Created a Columnist instance in " + instance + "\n");
  }

  @Test
  void initRefusesToOverwriteAnInstance() throws IOException {
    Path instance = dir.resolve("column");
    columnist("init", instance.toString());
    Files.writeString(instance.resolve("config/columnist.yml"), "# mine\n");
    Result again = columnist("init", instance.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err())
        .startsWith("columnist: ")
        .contains("already holds an instance")
        .doesNotContain("Exception");
    assertThat(instance.resolve("config/columnist.yml")).hasContent("# mine");
  }

  @Test
  void checkPrintsEveryProblemAndExitsWithOne() throws IOException {
    Path instance = dir.resolve("column");
    columnist("init", instance.toString());
    Path bad = instance.resolve("archive/2020/01/bad.md");
    Files.createDirectories(bad.getParent());
    Files.writeString(
        bad,
        "---\ntitle: x\ndate: nope\nslug: bad\nclient:\n  issue: y\n---\n## Question\n<script>x</script>\n");
    Result check =
        columnist("check", "--config", instance.resolve("config/columnist.yml").toString());
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out())
        .contains(bad + ":3: 'date' must be a date like 2008-04-14, not 'nope'")
        .contains(bad + ":9: raw HTML (<script>)");
    assertThat(check.err()).isEqualTo("check: 2 problems found\n");
  }

  @Test
  void checkReportsAnAliasThatWouldTakeTheAddressOfAnotherColumn() throws IOException {
    Path instance = dir.resolve("column");
    columnist("init", instance.toString());
    Path file = instance.resolve("archive/2025/03/leading-the-team-you-used-to-be-part-of.md");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "tags: [",
                "aliases: [/old/leading.html, /2025/06/the-nurse-manager-who-cannot-say-no/]\n"
                    + "tags: ["));
    Result check =
        columnist("check", "--config", instance.resolve("config/columnist.yml").toString());
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out())
        .isEqualTo(
            file
                + ":13: alias '/2025/06/the-nurse-manager-who-cannot-say-no/' is already the"
                + " address of 2025/06/the-nurse-manager-who-cannot-say-no.md\n");
    assertThat(check.err()).isEqualTo("check: 1 problems found\n");
  }

  @Test
  void checkReportsConfigProblemsAsLines() throws IOException {
    Path config = dir.resolve("config/columnist.yml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "site:\n  title: x\n  colour: red\n");
    Result check = columnist("check", "--config", config.toString());
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out())
        .contains(config + ":3: unknown key 'site.colour'")
        .contains("'coach' is missing");
  }

  @Test
  void checkWithJsonPrintsOneDocument() throws IOException {
    Path instance = dir.resolve("column");
    columnist("init", instance.toString());
    Result check =
        columnist(
            "check", "--json", "--config", instance.resolve("config/columnist.yml").toString());
    JsonNode json = new ObjectMapper().readTree(check.out());
    assertThat(json.get("files").asInt()).isEqualTo(3);
    assertThat(json.get("problems")).isEmpty();
  }

  @Test
  void aMissingConfigIsOneLineOnStderr() {
    Result check = columnist("check", "--config", dir.resolve("nope.yml").toString());
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.err().lines()).hasSize(1).first().asString().contains("run 'columnist init'");
  }
}
