package org.columnist.column;

import org.columnist.Blank;

/**
 * Who asked, as far as the column tells: a pseudonym and a few facts about their work. Every field
 * is optional (null) except {@code issue}, the problem in a few words. Blank texts become null.
 */
public record ClientProfile(
    String name,
    Integer age,
    String title,
    Integer yearsAtCompany,
    Integer yearsInRole,
    String industry,
    String issue) {

  public ClientProfile {
    name = Blank.toNull(name);
    title = Blank.toNull(title);
    industry = Blank.toNull(industry);
    issue = Blank.toNull(issue);
  }

  /** A profile that says only what the issue is. */
  public static ClientProfile ofIssue(String issue) {
    return new ClientProfile(null, null, null, null, null, null, issue);
  }
}
