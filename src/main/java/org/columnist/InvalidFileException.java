package org.columnist;

import java.util.List;

/** A file (config or archive column) that could not be accepted, with every problem found. */
public class InvalidFileException extends ColumnistException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidFileException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid file needs at least one problem");
    }
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }
}
