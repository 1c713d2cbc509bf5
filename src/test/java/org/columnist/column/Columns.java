package org.columnist.column;

import java.time.LocalDate;
import java.util.List;

/** Builds columns for tests: {@code aColumn().withTitle("…").build()}. */
public final class Columns {
  private String title = "Caught between her boss and her client";
  private LocalDate date = LocalDate.of(2008, 4, 14);
  private String slug = "caught-between-boss-and-client";
  private ClientProfile client =
      new ClientProfile(
          "Mary", 47, "Sales manager", 5, 2, "Agribusiness", "Managing competing loyalties");
  private List<String> tags = List.of("client relationships", "managing up");
  private String question = "My boss wants one thing and my biggest client another.";
  private String answer = "You are caught in a difficult spot.";
  private String innerGame = "Notice what you believe you owe each of them.";
  private String outerGame = "1. Talk to your boss first.\n2. Then call the client.";
  private String lastWord = "Loyalty to both starts with honesty to both.";

  private Columns() {}

  public static Columns aColumn() {
    return new Columns();
  }

  public Columns withTitle(String value) {
    title = value;
    return this;
  }

  public Columns withDate(LocalDate value) {
    date = value;
    return this;
  }

  public Columns withSlug(String value) {
    slug = value;
    return this;
  }

  public Columns withIssue(String value) {
    client =
        new ClientProfile(
            client.name(),
            client.age(),
            client.title(),
            client.yearsAtCompany(),
            client.yearsInRole(),
            client.industry(),
            value);
    return this;
  }

  public Columns withClient(ClientProfile value) {
    client = value;
    return this;
  }

  public Columns withTags(String... values) {
    tags = List.of(values);
    return this;
  }

  public Columns withQuestion(String value) {
    question = value;
    return this;
  }

  public Columns withAnswer(String value) {
    answer = value;
    return this;
  }

  public Column build() {
    return new Column(
        title, date, null, slug, client, tags, List.of(), question, answer, innerGame, outerGame,
        lastWord);
  }
}
