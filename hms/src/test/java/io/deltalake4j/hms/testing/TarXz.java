package io.deltalake4j.hms.testing;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks an xz-compressed tar archive (POSIX ustar, GNU or pax): directories, regular files with
 * their permission bits (never writable by group or others), symbolic and hard links. Entries
 * that would land outside the target directory are refused.
 */
final class TarXz {

  private static final int BLOCK = 512;

  private TarXz() {}

  static void unpack(InputStream txz, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    try (InputStream in = new BufferedInputStream(new XZInputStream(new BufferedInputStream(txz, 1 << 16)), 1 << 16)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      String longLink = null;
      while (true) {
        readFully(in, header);
        if (isZero(header)) {
          return; // end of archive (a second zero block may follow)
        }
        long size = number(header, 124, 12);
        char type = (char) header[156];
        String name = longName != null ? longName : name(header);
        String link = longLink != null ? longLink : string(header, 157, 100);
        longName = null;
        longLink = null;
        switch (type) {
          case 'L' -> longName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
          case 'K' -> longLink = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
          case 'x' -> {
            String[] pax = pax(readData(in, size));
            longName = pax[0];
            longLink = pax[1];
          }
          case '5' -> Files.createDirectories(inside(root, name));
          case '2' -> {
            Path path = inside(root, name);
            if (!path.getParent().resolve(link).normalize().startsWith(root)) {
              throw new IOException("Archive link pointing outside the target directory: " + name + " -> " + link);
            }
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(link));
          }
          case '1' -> {
            Path path = inside(root, name);
            Files.createDirectories(path.getParent());
            Files.createLink(path, inside(root, link));
          }
          case '0', '\0', '7' -> {
            Path path = inside(root, name);
            Files.createDirectories(path.getParent());
            try (OutputStream out = Files.newOutputStream(path)) {
              copy(in, out, size);
            }
            Files.setPosixFilePermissions(path, permissions((int) number(header, 100, 8)));
            skipPadding(in, size);
          }
          default -> skipData(in, size); // global pax headers, devices, fifos: nothing PostgreSQL needs
        }
      }
    }
  }

  private static Path inside(Path root, String name) throws IOException {
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) {
      throw new IOException("Archive entry outside the target directory: " + name);
    }
    return path;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if ((mode & 0100) != 0) {
      p.add(PosixFilePermission.OWNER_EXECUTE);
    }
    if ((mode & 0040) != 0) {
      p.add(PosixFilePermission.GROUP_READ);
    }
    if ((mode & 0010) != 0) {
      p.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if ((mode & 0004) != 0) {
      p.add(PosixFilePermission.OTHERS_READ);
    }
    if ((mode & 0001) != 0) {
      p.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return p;
  }

  /** The entry's name; POSIX ustar splits long ones into a prefix and a name (GNU uses those bytes otherwise). */
  private static String name(byte[] header) {
    String name = string(header, 0, 100);
    boolean posix = header[257] == 'u' && header[262] == 0 && string(header, 257, 5).equals("ustar");
    String prefix = posix ? string(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** A pax extended header's path and linkpath (null when absent): records "LENGTH key=value\n". */
  private static String[] pax(byte[] data) {
    String[] out = new String[2];
    int at = 0;
    while (at < data.length) {
      int space = at;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      if (space >= data.length) {
        break;
      }
      int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII).trim());
      if (length <= 0) {
        break;
      }
      String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        String key = record.substring(0, eq);
        if (key.equals("path")) {
          out[0] = record.substring(eq + 1);
        } else if (key.equals("linkpath")) {
          out[1] = record.substring(eq + 1);
        }
      }
      at += length;
    }
    return out;
  }

  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  /** An octal field, or a base-256 one (high bit set) as GNU tar writes for large values. */
  private static long number(byte[] header, int offset, int length) {
    if ((header[offset] & 0x80) != 0) {
      long value = header[offset] & 0x7f;
      for (int i = 1; i < length; i++) {
        value = (value << 8) | (header[offset + i] & 0xff);
      }
      return value;
    }
    String s = string(header, offset, length).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("Archive header entry too large: " + size + " bytes");
    }
    byte[] data = new byte[(int) size];
    readFully(in, data);
    skipPadding(in, size);
    return data;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("Truncated archive");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skipData(InputStream in, long size) throws IOException {
    copy(in, OutputStream.nullOutputStream(), size);
    skipPadding(in, size);
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
    readFully(in, new byte[pad]);
  }

  private static void readFully(InputStream in, byte[] buffer) throws IOException {
    int read = in.readNBytes(buffer, 0, buffer.length);
    if (read < buffer.length) {
      throw new EOFException("Truncated archive");
    }
  }
}
