package dev.framelens.cli;

/**
 * A problem the user can fix (a file that cannot be read, a bad option value): reported as one
 * line, with an exit code, and no stack trace unless {@code --debug}.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  UserError(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
