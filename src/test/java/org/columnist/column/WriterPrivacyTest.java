package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WriterPrivacyTest {
  private static final String SIGNATURE =
      "Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142";
  private static final PrivacyCheck.Writer AT_WORK =
      new PrivacyCheck.Writer("jane.doe@northfield-grain.example", "Jane Doe", SIGNATURE);
  private static final PrivacyCheck.Writer ON_WEBMAIL =
      new PrivacyCheck.Writer("jane.doe@gmail.com", "Jane Doe", SIGNATURE);

  private static List<String> found(PrivacyCheck.Writer writer, String answer) {
    Column column =
        aColumn()
            .withClient(ClientProfile.ofIssue("Competing loyalties"))
            .withAnswer(answer)
            .build();
    return PrivacyCheck.findings(column, writer).stream()
        .map(f -> f.kind() + ": " + f.text())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Northfield Grain", "Northfieldgrain", "northfield-grain", "NORTHFIELD GRAIN"})
  void flagsTheEmployerTheDomainNamesInEachSpelling(String employer) {
    assertThat(found(AT_WORK, "Everyone at " + employer + " knows."))
        .containsExactly("the reader's employer: " + employer);
  }

  @Test
  void flagsTheEmployerOfADomainWrittenAsOneWordWhereTheDraftSplitsIt() {
    PrivacyCheck.Writer writer = new PrivacyCheck.Writer("jo@northfieldgrain.example", null);
    assertThat(found(writer, "At Northfield Grain they know."))
        .containsExactly("the reader's employer: Northfield Grain");
  }

  @Test
  void flagsEveryDetailOfTheSignature() {
    assertThat(
            found(
                AT_WORK,
                "As a senior analyst you can call (312) 555-0142; ask Ms Doe of the north."))
        .containsExactlyInAnyOrder(
            "the reader's job title from their signature: senior analyst",
            "a phone number from the signature: (312) 555-0142",
            "the reader's name: Doe");
  }

  @Test
  void flagsOnlyWhatTheSignatureGivesForAWebmailAddress() {
    assertThat(found(ON_WEBMAIL, "At NorthfieldGrain, a Senior Analyst uses Gmail."))
        .containsExactlyInAnyOrder(
            "the reader's company from their signature: NorthfieldGrain",
            "the reader's job title from their signature: Senior Analyst");
    PrivacyCheck.Writer unsigned = new PrivacyCheck.Writer("jane.doe@gmail.com", "Jane Doe");
    assertThat(found(unsigned, "At Northfield Grain nobody uses Gmail.")).isEmpty();
  }

  @Test
  void flagsTheSignaturesNameWhenTheFromHeaderHadNone() {
    PrivacyCheck.Writer writer = new PrivacyCheck.Writer("jd@gmail.com", null, SIGNATURE);
    assertThat(found(writer, "Jane, keep a diary."))
        .containsExactly("the reader's name from their signature: Jane");
  }

  @Test
  void flagsTheEmployerInAResponse() {
    assertThat(PrivacyCheck.inText("the response", "Typical of northfield grain!", AT_WORK))
        .extracting(PrivacyCheck.Finding::toString)
        .containsExactly("the reader's employer \"northfield grain\" in the response");
  }

  @Test
  void doesNotFlagTheEmployersWordsInsideOtherWordsOrAlone() {
    assertThat(found(AT_WORK, "Grain prices in the north; Northfield Grainery is elsewhere."))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "jane@northfield-grain.example, northfield-grain",
    "jane@mail.northfield-grain.example, northfield-grain",
    "jane@northfield.co.uk, northfield",
    "jane@uni.northfield.ac.uk, northfield",
    "jane@northfield.com.au, northfield",
    "jane@gmail.com, ''",
    "jane@hotmail.co.uk, ''",
    "jane@yahoo.fr, ''",
    "jane@t-online.de, ''",
    "jane@ibm.com, ibm",
    "jane@hp.com, ''",
    "no-address, ''"
  })
  void namesTheEmployerByTheDomainsRegistrableLabelExceptForProviders(
      String address, String label) {
    assertThat(Employer.label(address).orElse("")).isEqualTo(label);
  }
}
