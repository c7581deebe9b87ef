package dev.framelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One document to analyse: a file, standard input, or a line of a JSONL corpus.
 *
 * @param line the JSONL line number (1-based), or 0 for a whole file
 * @param id the record's id as given (any JSON value), the file name for a file
 * @param text the text to analyse, or null when the record is an error
 * @param extra the input's other fields, passed through to the output
 * @param gold for a gold file, its {@code labels} array, else null
 * @param error why the record cannot be analysed, or null
 */
record InputRecord(long line, JsonNode id, String text, ObjectNode extra, JsonNode gold,
    String error) {

  boolean failed() {
    return error != null;
  }
}
