package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.columnist.column.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

  @ParameterizedTest
  @CsvSource({
    "Five years, 5",
    "forty-seven, 47",
    "twenty one, 21",
    "Twenty, 20",
    "12 years, 12",
    "a year, 1",
    "Nineteen, 19"
  })
  void readsTheNumberAProfileLineStartsWithInDigitsOrWords(String text, int number) {
    assertThat(WordNumbers.leading(text)).isEqualTo(OptionalInt.of(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mid-forties", "several", ""})
  void findsNoNumberInWordsThatAreNotOne(String text) {
    assertThat(WordNumbers.leading(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Coach's Corner--April 14, 2008",
        "Coach's Corner\u2014April 14, 2008",
        "Posted April 14, 2008",
        "April 14, 2008",
        "14 April 2008",
        "2008-04-14",
        "Apr. 14, 2008",
        "*Published on april 14th, 2008*",
        "### April 14, 2008"
      })
  void readsEachFormOfDateline(String line) {
    assertThat(Dateline.of(line)).contains(LocalDate.of(2008, 4, 14));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "When I started on April 14, 2008 my manager told me that I would be promoted in a year.",
        "February 30, 2008",
        "Mayday 14, 2008"
      })
  void takesNoDateFromASentenceOrAnImpossibleDay(String line) {
    assertThat(Dateline.of(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Q.|QUESTION|",
        "Q|QUESTION|",
        "**Q.** My boss|QUESTION|My boss",
        "*Q:* My boss|QUESTION|My boss",
        "Q: My boss|QUESTION|My boss",
        "### Question|QUESTION|",
        "The question:|QUESTION|",
        "__A.__ Talk to her|ANSWER|Talk to her",
        "A. Talk to her|ANSWER|Talk to her",
        "**Answer**|ANSWER|",
        "A|ANSWER|",
        "The inner game|INNER_GAME|",
        "**THE OUTER GAME:**|OUTER_GAME|",
        "## The last word|LAST_WORD|",
        "the last word.|LAST_WORD|",
        "**The inner game:** Breathe|INNER_GAME|Breathe"
      })
  void knowsEachMarkerForm(String line, Section section, String rest) {
    assertThat(Marker.of(line)).contains(new Marker(section, rest == null ? "" : rest));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A lot of managers feel this way.",
        "Answer the phone when she calls.",
        "a. first point",
        "a",
        "Questions are welcome."
      })
  void takesNoSentenceForAMarker(String line) {
    assertThat(Marker.of(line)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "By Pat Example",
        "by Pat Example, coach",
        "\u2014 Pat Example, coach",
        "_By Pat Example_"
      })
  void readsTheAuthorFromABylineOrSignature(String line) {
    assertThat(Byline.of(line)).contains("Pat Example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"The Client", "The client:", "**Client profile**", "### The Client"})
  void knowsTheProfileHeading(String line) {
    assertThat(ProfileBlock.isHeading(line)).isTrue();
  }
}
