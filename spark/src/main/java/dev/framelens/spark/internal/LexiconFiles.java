package dev.framelens.spark.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;

/**
 * Reads lexicon files on the driver. A path is looked for, in order:
 *
 * <ol>
 *   <li>with a scheme other than {@code file:} ({@code hdfs://}, {@code s3a://}, ...), on that
 *       file system through Hadoop, with the active session's configuration;
 *   <li>else on the driver's local file system (a shared mount, or a file next to the job);
 *   <li>else by its file name among the files shipped with the job ({@code spark-submit --files}
 *       or {@code SparkContext.addFile}), where {@link SparkFiles#get} finds them.
 * </ol>
 *
 * Its text then travels to the executors inside the job, so they need no access to the file.
 */
public final class LexiconFiles {
  private LexiconFiles() {}

  /**
   * Reads a lexicon file as UTF-8.
   *
   * @param path the path the user gave
   * @return the file's name (the path as given, which problems are reported under) and text
   * @throws UncheckedIOException naming the path and every place looked in, if it cannot be read
   */
  public static DetectorSpec.LexiconText read(String path) {
    Optional<SparkSession> session = active();
    URI uri = uri(path);
    if (uri != null && uri.getScheme() != null && uri.getScheme().length() > 1
        && !uri.getScheme().equals("file")) {
      return new DetectorSpec.LexiconText(path, readHadoop(path, session));
    }
    Path local = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : Path.of(path);
    List<String> tried = new ArrayList<>();
    tried.add(local.toAbsolutePath().toString());
    if (Files.isRegularFile(local)) {
      return new DetectorSpec.LexiconText(path, readLocal(path, local));
    }
    if (session.isPresent() && local.getFileName() != null) {
      Path shipped = Path.of(SparkFiles.get(local.getFileName().toString()));
      tried.add(shipped + " (SparkFiles)");
      if (Files.isRegularFile(shipped)) {
        return new DetectorSpec.LexiconText(path, readLocal(path, shipped));
      }
    }
    throw new UncheckedIOException("lexicon file " + path + " not found; looked at "
        + String.join(", ", tried) + (session.isPresent() ? "" : " (no active Spark session, so "
        + "not among the files shipped with the job)") + ". Give a path every executor's driver "
        + "can read (a shared file system, hdfs://, s3a://) or ship it with spark-submit --files",
        new FileNotFoundException(path));
  }

  private static Optional<SparkSession> active() {
    Optional<SparkSession> session = toOptional(SparkSession.getActiveSession());
    return session.isPresent() ? session : toOptional(SparkSession.getDefaultSession());
  }

  private static <T> Optional<T> toOptional(scala.Option<T> option) {
    return option.isDefined() ? Optional.of(option.get()) : Optional.empty();
  }

  private static URI uri(String path) {
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      return null; // a local path with characters a URI does not allow, such as a space
    }
  }

  private static String readLocal(String name, Path file) {
    try {
      return decode(name, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("lexicon file " + name + " not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon file " + name + " (" + file + "): "
          + e.getMessage(), e);
    }
  }

  private static String readHadoop(String path, Optional<SparkSession> session) {
    if (session.isEmpty()) {
      throw new IllegalStateException("lexicon file " + path + " is on a Hadoop file system: "
          + "create the SparkSession before building FrameLensSpark, so that its Hadoop "
          + "configuration can be used to read it");
    }
    org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
    try (InputStream in = hadoopPath
        .getFileSystem(session.get().sparkContext().hadoopConfiguration()).open(hadoopPath)) {
      return decode(path, in.readAllBytes());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("lexicon file " + path + " not found", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon file " + path + ": " + e.getMessage(),
          e);
    }
  }

  private static String decode(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString()
          .replaceFirst("^\uFEFF", ""); // as the core's own file reader does
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException("lexicon file " + name + " is not valid UTF-8", e);
    }
  }
}
