package org.columnist.site;

import java.util.Map;

/** The "check your response and send" page the public server draws: {@code check} is its model. */
record ResponseCheck(Map<String, Object> check) implements PageKind {
  @Override
  public String path() {
    return "responses/";
  }

  @Override
  public String template() {
    return "site/respond.ftlh";
  }

  @Override
  public Content content(Site site) {
    return new Content((String) check.get("heading"), "", Map.of("check", check));
  }
}
