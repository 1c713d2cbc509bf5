package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureReadingTest {
  private static String read(String signature) {
    return String.join(
        "; ",
        SignatureReading.read(signature).stream().map(s -> s.kind() + " " + s.text()).toList());
  }

  @Test
  void readsNameJobCompanyAndPhoneFromTheirLines() {
    assertThat(read("Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142"))
        .isEqualTo(
            "NAME Jane Doe; JOB Senior Analyst; COMPANY Northfield Grain; PHONE 13125550142");
  }

  @Test
  void splitsAJobAtACompanyAndReadsLabelledPhones() {
    assertThat(read("Jo Bloggs\nHead of Sales at Acme Widgets\nTel: +44 20 7946 0958"))
        .isEqualTo("NAME Jo Bloggs; JOB Head of Sales; COMPANY Acme Widgets; PHONE 442079460958");
  }

  @Test
  void tellsACompanyByItsSuffixAndLeavesAddressesToTheOtherChecks() {
    assertThat(read("Jon\nBloggs Freight Ltd.\n12 Harbour Road, Leith\njo@bloggs.example"))
        .isEqualTo("NAME Jon; COMPANY Bloggs Freight Ltd.; OTHER 12 Harbour Road; OTHER Leith");
  }
}
