package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyCheckTest {
  private static List<String> found(String answer) {
    Column column =
        aColumn()
            .withClient(ClientProfile.ofIssue("Competing loyalties"))
            .withAnswer(answer)
            .build();
    return PrivacyCheck.findings(column, "jane.doe@example.com", "Jane Q. Doe-Smith").stream()
        .map(PrivacyCheck.Finding::text)
        .toList();
  }

  @Test
  void findsTheReadersAddressInAnyCase() {
    assertThat(found("Write to JANE.DOE@example.com"))
        .contains("jane.doe@example.com", "JANE.DOE@example.com");
  }

  @Test
  void findsEachPartOfTheReadersNameInAnyCase() {
    assertThat(found("Dear jane, thanks.")).containsExactly("jane");
    assertThat(found("As DOE said")).containsExactly("DOE");
    assertThat(found("The Smith family")).containsExactly("Smith");
  }

  @Test
  void doesNotFlagNamePartsInsideOtherWords() {
    assertThat(found("Janet went to Does and Donuts; a smithy stood nearby.")).isEmpty();
  }

  @Test
  void findsTheNameInTheProfileAndTitleToo() {
    Column column =
        aColumn()
            .withTitle("Jane and her boss")
            .withClient(new ClientProfile("Jane", 40, null, null, null, null, "x"))
            .build();
    assertThat(PrivacyCheck.findings(column, "jane.doe@example.com", "Jane Doe"))
        .extracting(PrivacyCheck.Finding::where)
        .contains("the title", "client.name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail me at someone.else@example.org please",
        "reach me: jane at example dot com",
        "reach me at bob [at] example [dot] org",
        "bob(at)example(dot)co(dot)uk"
      })
  void findsEmailAddressesPlainOrWrittenOut(String text) {
    assertThat(found(text)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Call 555-0142 or (312) 555-0142.",
        "My number is 312.555.0142",
        "Ring +44 20 7946 0958 any time",
        "Ring 0044 20 7946 0958 any time",
        "Mobile: 07700 900123",
        "Phone +1-312-555-0142",
        "Tel. 030 901820",
        "Call +49 30 901820 tomorrow"
      })
  void findsPhoneNumbersInCommonFormats(String text) {
    assertThat(found(text)).as(text).anyMatch(f -> f.matches(".*\\d{3}.*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I have worked here for 12 years, since 2008.",
        "The raise was $2,000, or 4.5%, in Q3 2025.",
        "We met on 2025-04-14 at 10:30 and again on 14/04/2025.",
        "A team of 25 people and a budget of 1,250,000 dollars.",
        "Between 9 to 5, five days a week, 40 hours.",
        "Version 2.3.14 of the tool, page 123, room 4512.",
        "He said he would look into it at the end of the day."
      })
  void leavesOrdinaryNumbersAndWordsAlone(String text) {
    assertThat(found(text)).as(text).isEmpty();
  }

  // A guard against a hang, not a speed target: before, each start inside a run of letters
  // rescanned the rest of it (200,000 letters took minutes); now each run is scanned once.
  @Test
  void checksALongRunOfLettersWithoutRescanningIt() {
    String run = "a".repeat(200_000);
    List<String> found =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> found(run + " and " + run + ".x"));
    assertThat(found).isEmpty();
  }
}
