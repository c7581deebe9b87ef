package dev.framelens.cli;

import dev.framelens.FrameAnalysis;

/** A record and what became of it: its analysis, or why there is none. */
record Outcome(InputRecord record, FrameAnalysis analysis, String error) {

  static Outcome failed(InputRecord record, String error) {
    return new Outcome(record, null, error);
  }

  boolean failed() {
    return error != null;
  }
}
