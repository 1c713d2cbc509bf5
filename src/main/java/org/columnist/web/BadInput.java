package org.columnist.web;

import org.columnist.ColumnistException;

/** A request whose values the editor cannot take (a 400), with a message that says which. */
final class BadInput extends ColumnistException {
  private static final long serialVersionUID = 1L;

  BadInput(String message) {
    super(message);
  }
}
