package dev.framelens.cli;

import java.nio.charset.Charset;
import picocli.CommandLine.Option;

/** {@code --encoding}: how the commands that read documents decode them. */
final class EncodingOption {
  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "The encoding of the documents (default: ${DEFAULT-VALUE}), for example "
          + "ISO-8859-1 or windows-1252; a JSONL corpus needs one that writes ASCII in one "
          + "byte a char. Bytes that are not valid in it are an error naming their offset.")
  Charset encoding;
}
