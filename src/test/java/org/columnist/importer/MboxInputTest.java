package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxInputTest {
  @TempDir Path dir;

  @Test
  void findsOneColumnPerMessageWithItsOwnHints() {
    Path file = EmlInputTest.sample("mail/three-columns.mbox");

    List<Found> found = Format.of(file).orElseThrow().read(file);

    assertThat(found)
        .extracting(f -> f.hints().title())
        .containsExactly("Caught in the middle", "The quiet raise", "Leaving well");
    assertThat(found)
        .extracting(f -> f.hints().sent())
        .containsExactly(
            LocalDate.of(2008, 4, 14), LocalDate.of(2008, 5, 20), LocalDate.of(2008, 6, 18));
    assertThat(found).extracting(f -> f.hints().author()).containsOnly("Marta Okafor");
    assertThat(found.get(0).text())
        .isEqualTo(
            "Q. Two directors give me opposite orders. Whose do I follow?\n\n"
                + "A. Neither, until they have talked to each other.");
  }

  @Test
  void unescapesAFromLineInABody() {
    Path file = EmlInputTest.sample("mail/three-columns.mbox");

    Found second = MboxInput.read(file).get(1);

    assertThat(second.text())
        .isEqualTo(
            "Q. Should I ask for a raise in writing?\n\n"
                + "A. Ask in person, then confirm in writing.\n"
                + "From the first line of that mail, keep it short.");
  }

  @Test
  void placesEachMessageOnItsLinesOfTheMbox() {
    Path file = EmlInputTest.sample("mail/three-columns.mbox");

    List<Found> found = MboxInput.read(file);

    assertThat(found).extracting(Found::line).containsExactly(6, 15, 25);
    assertThat(found).allMatch(Found::exactLines);
  }

  @Test
  void refusesAFileThatDoesNotStartWithAFromLine() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.mbox"), "Dear diary\n");

    assertThatThrownBy(() -> MboxInput.read(file))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.line()).isEqualTo(1))
        .hasMessage("is not an mbox: it does not start with a \"From \" line");
  }

  @Test
  void refusesAnEmptyMbox() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.mbox"), "");

    assertThatThrownBy(() -> MboxInput.read(file)).hasMessage("is an empty mbox");
  }
}
