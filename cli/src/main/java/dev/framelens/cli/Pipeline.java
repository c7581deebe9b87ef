package dev.framelens.cli;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function over a stream of items on several threads and hands the results on in input
 * order. At most {@code 4 × threads} items are in flight, so memory stays bounded however long
 * the stream is; the consumer runs on the calling thread, so it need not be thread-safe.
 */
final class Pipeline<I, O> implements AutoCloseable {
  private final Function<I, O> work;
  private final Consumer<O> sink;
  private final ExecutorService pool;
  private final ArrayDeque<Future<O>> window = new ArrayDeque<>();
  private final int capacity;

  Pipeline(int threads, Function<I, O> work, Consumer<O> sink) {
    this.work = work;
    this.sink = sink;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "framelens-worker");
      t.setDaemon(true);
      return t;
    }) : null;
    this.capacity = Math.max(1, threads * 4);
  }

  void accept(I item) {
    if (pool == null) {
      sink.accept(work.apply(item));
      return;
    }
    window.add(pool.submit(() -> work.apply(item)));
    while (window.size() >= capacity) {
      drainOne();
    }
  }

  /**
   * Passes every record of {@code source} through {@code pipeline} and hands on every result
   * still in flight, then tells {@code errors} and {@code progress} that the input is over: the
   * run of {@code analyze} and {@code diff}, whose sinks note each record's outcome.
   */
  static <O> void runOver(Inputs.Source source, Pipeline<InputRecord, O> pipeline,
      RecordErrors errors, Progress progress) {
    while (source.hasNext()) {
      pipeline.accept(source.next());
    }
    pipeline.finish();
    errors.finish();
    progress.finish(source.bytesRead(), source.totalBytes());
  }

  /** Hands on every result still in flight. */
  void finish() {
    while (!window.isEmpty()) {
      drainOne();
    }
  }

  private void drainOne() {
    try {
      sink.accept(window.poll().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // out of memory, above all: for the command's own message
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
