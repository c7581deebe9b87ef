package dev.framelens;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link IdleThreadsMemoryTest}: {@value #THREADS} threads each analyse a
 * document of many distinct words with one detector, then stay alive and idle; the heap the
 * detector's state holds then is printed as {@code RETAINED <bytes>}. The documents are made
 * and dropped inside the threads, so what stays is what FrameLens keeps.
 */
public final class IdleThreadsMain {
  static final int THREADS = 200;
  /** Distinct made-up words in each thread's document: they fill the term cache. */
  static final int WORDS = 4_000;

  private IdleThreadsMain() {}

  public static void main(String[] args) throws Exception {
    FrameDetector detector = TestLexicon.detector();
    detector.analyze("The brigade won the war in the hills."); // the lexicon's own state, built
    long before = heapAfterGc();
    CountDownLatch analysed = new CountDownLatch(THREADS);
    CountDownLatch finish = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = t;
      Thread thread = new Thread(() -> {
        try {
          String document = document(seed);
          if (detector.analyze(document).sentences().isEmpty()) {
            throw new AssertionError("no sentences in document " + seed);
          }
          document = null;
          analysed.countDown();
          finish.await(); // alive and idle, as the threads of a pool between requests
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      threads.add(thread);
    }
    analysed.await();
    long after = heapAfterGc();
    System.out.println("RETAINED " + Math.max(0, after - before));
    finish.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** Sentences of made-up words, every one of them new to the thread's document. */
  static String document(int seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(WORDS * 9);
    for (int w = 0; w < WORDS; w++) {
      int length = 5 + random.nextInt(6);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(w % 12 == 11 ? ". " : " ");
    }
    return text.toString();
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
