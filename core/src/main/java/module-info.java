/**
 * FrameLens: detects narrative frames (victory, defeat, survival-as-win, casualty-emphasis) in
 * news text and explains each label with evidence spans. The API is the package
 * {@code dev.framelens}; everything else is internal.
 */
module dev.framelens {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires com.google.common;

  exports dev.framelens;
}
