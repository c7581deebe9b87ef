package dev.framelens.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a run of the command uses, so that tests run it in-process with their own.
 *
 * @param in standard input (for {@code -})
 * @param out standard output: results only, never progress or messages
 * @param err standard error: messages and progress
 * @param errIsTerminal whether standard error is a terminal (a progress bar) or not (plain
 *     periodic lines)
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {}
