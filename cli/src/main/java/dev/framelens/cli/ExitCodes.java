package dev.framelens.cli;

/** The exit codes of every command. */
final class ExitCodes {
  /** Done, all records analysed. */
  static final int OK = 0;
  /** {@code evaluate}: a score is below the floor the user set. */
  static final int BELOW_FLOOR = 1;
  /** Unknown option, missing argument, unreadable file, malformed lexicon, lint errors. */
  static final int USAGE = 2;
  /** Some input records could not be analysed; each is reported as an error record. */
  static final int RECORD_ERRORS = 3;
  /** A bug in framelens itself. */
  static final int INTERNAL = 4;

  private ExitCodes() {}
}
