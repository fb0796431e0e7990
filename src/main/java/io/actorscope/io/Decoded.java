package io.actorscope.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes decoded to text, invalid bytes replaced by U+FFFD and counted (the JDK's own REPLACE
 * action does not count them), a leading byte-order mark removed.
 */
public final class Decoded {
  public final String text;
  public final int invalidBytes;
  public final boolean bomStripped;

  private Decoded(String text, int invalidBytes, boolean bomStripped) {
    this.text = text;
    this.invalidBytes = invalidBytes;
    this.bomStripped = bomStripped;
  }

  public static Decoded of(byte[] bytes, int offset, int length, Charset charset) {
    if (length == 0) {
      return new Decoded("", 0, false); // a decoder that never decoded cannot be flushed
    }
    CharsetDecoder dec = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate((int) (length * (double) dec.averageCharsPerByte()) + 16);
    int bad = 0;
    while (true) {
      CoderResult r = in.hasRemaining() ? dec.decode(in, out, true) : CoderResult.UNDERFLOW;
      if (r.isUnderflow()) {
        if (!in.hasRemaining()) {
          CoderResult f = dec.flush(out);
          if (f.isOverflow()) {
            out = grow(out);
            continue;
          }
          break;
        }
        // cannot happen with endOfInput=true; never loop on it
        bad += in.remaining();
        in.position(in.limit());
        continue;
      }
      if (r.isOverflow()) {
        out = grow(out);
        continue;
      }
      // malformed or unmappable: replace and count
      if (!out.hasRemaining()) {
        out = grow(out);
      }
      out.put('\uFFFD');
      bad += r.length();
      in.position(in.position() + r.length());
    }
    out.flip();
    String s = out.toString();
    boolean bom = !s.isEmpty() && s.charAt(0) == '\uFEFF';
    if (bom) {
      s = s.substring(1);
    }
    return new Decoded(s, bad, bom);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    bigger.put(out);
    return bigger;
  }

  /** Looks like binary data rather than text: a NUL, or over 10% control or replacement characters. */
  public static boolean looksBinary(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int odd = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return true;
      }
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
        odd++;
      }
    }
    return odd * 10 > s.length();
  }
}
