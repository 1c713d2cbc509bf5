package org.columnist.cli;

import picocli.CommandLine.Command;

@Command(
    name = "newsletter",
    description = "The newsletter's sends.",
    subcommands = {NewsletterCommand.Status.class})
final class NewsletterCommand {

  @Command(name = "status", description = "Each send: recipients, sent, failed, pending, rate.")
  static final class Status implements Runnable {
    @Override
    public void run() {}
  }
}
