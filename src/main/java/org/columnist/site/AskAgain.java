package org.columnist.site;

import java.util.Map;

/**
 * The ask page drawn again by the public server, filled in with what was typed: to check and send,
 * or to put right. {@code ask} is the template's model (heading, problems, token, the fields).
 */
record AskAgain(Map<String, Object> ask) implements PageKind {
  @Override
  public String path() {
    return "ask/";
  }

  @Override
  public String template() {
    return "site/ask.ftlh";
  }

  @Override
  public Content content(Site site) {
    return new Content((String) ask.get("heading"), "", Map.of("ask", ask));
  }
}
