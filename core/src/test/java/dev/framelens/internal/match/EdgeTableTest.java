package dev.framelens.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The automaton builder's primitive edge map against a {@code HashMap}, growth included. */
class EdgeTableTest {

  @Property(tries = 200)
  void agreesWithAHashMap(@ForAll @Size(max = 3000) List<@IntRange(max = 5000) Integer> states,
      @ForAll @IntRange(max = 70) int atomSpread) {
    EdgeTable table = new EdgeTable(4); // small, so that it grows many times
    Map<Long, Integer> reference = new HashMap<>();
    for (int i = 0; i < states.size(); i++) {
      // Keys whose state ^ atom collide, as Long.hashCode would have them, on purpose.
      long key = EdgeTable.key(states.get(i), (states.get(i) + i) % (atomSpread + 1));
      table.put(key, i);
      reference.put(key, i);
    }
    assertEquals(reference.size(), table.size());
    reference.forEach((key, target) -> assertEquals(target, table.get(key)));
    assertEquals(-1, table.get(EdgeTable.key(5001, 0)));
    Map<Long, Integer> visited = new HashMap<>();
    table.forEach((key, target) -> assertEquals(null, visited.put(key, target)));
    assertEquals(reference, visited);
  }

  @Test
  void aKeyTakesItsStateAndAtomApart() {
    long key = EdgeTable.key(123_456, 789);
    assertEquals(123_456, EdgeTable.state(key));
    assertEquals(789, EdgeTable.atom(key));
  }

  @Test
  void refusesTheFreeSlotMarkerAsAKey() {
    assertThrows(IllegalArgumentException.class, () -> new EdgeTable(4).put(-1L, 0));
  }
}
