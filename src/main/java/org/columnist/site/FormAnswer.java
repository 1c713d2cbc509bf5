package org.columnist.site;

import java.util.Map;

/** A page drawn in answer to a reader's form or link: {@code answer} is its model. */
record FormAnswer(Map<String, Object> answer) implements PageKind {
  @Override
  public String path() {
    return "newsletter/";
  }

  @Override
  public String template() {
    return "site/newsletter.ftlh";
  }

  @Override
  public Content content(Site site) {
    return new Content((String) answer.get("heading"), "", Map.of("answer", answer));
  }
}
