package org.lcz.scheme;

/** The two families of LCZ classes. */
public enum LczGroup {
  /** Built types 1–10. */
  BUILT,
  /** Land-cover types A–G. */
  NATURAL
}
