/** The example as a named module: it reads FrameLens's API module and nothing internal. */
module com.example.newsframes {
  requires dev.framelens;
  // The default lexicon's rule files live in this (automatic) module's jar.
  requires dev.framelens.lexicons;

  exports com.example.newsframes;
}
