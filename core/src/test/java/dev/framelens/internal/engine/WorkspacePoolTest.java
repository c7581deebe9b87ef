package dev.framelens.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.LexiconParts;
import dev.framelens.internal.lexicon.LexiconSource;
import org.junit.jupiter.api.Test;

class WorkspacePoolTest {
  private static final CompiledLexicon LEXICON = LexiconParts.read(LexiconSource.text(
      "pool.fl", "lexicon pool-test 1.0\nframe victory\nrule won : won the war\n")).compile();

  @Test
  void anIdleWorkspaceIsLentAgainAndNoMoreThanTheBoundAreKept() {
    WorkspacePool pool = new WorkspacePool(LEXICON, 2);
    Workspace a = pool.borrow();
    Workspace b = pool.borrow();
    Workspace c = pool.borrow();
    assertNotSame(a, b);
    pool.giveBack(a);
    pool.giveBack(b);
    pool.giveBack(c); // a third idle one is dropped
    assertEquals(2, pool.idle());
    Workspace again = pool.borrow();
    assertSame(a, again);
    assertEquals(1, pool.idle());
  }

  @Test
  void theWorkspacesOfAPoolShareTheLexiconsSequenceIndexes() {
    // Each workspace built its own once, which made a workspace lent beyond the idle ones cost
    // as much as analysing a thousand short texts.
    WorkspacePool pool = new WorkspacePool(LEXICON, 1);
    Workspace a = pool.borrow();
    Workspace b = pool.borrow();
    assertNotSame(a, b);
    assertSame(a.sequenceIndexes(), b.sequenceIndexes());
  }

  @Test
  void aPoolKeepsAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> new WorkspacePool(LEXICON, 0));
  }
}
