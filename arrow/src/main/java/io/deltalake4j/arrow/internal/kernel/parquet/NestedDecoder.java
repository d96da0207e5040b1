package io.deltalake4j.arrow.internal.kernel.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;

/**
 * Decodes a column with lists or maps in it from its leaves' repetition and definition levels
 * straight into Arrow list, map, struct and value vectors, one leaf after another: no records are
 * assembled. Each vector of the column is written by one leaf, the first below it; every leaf
 * writes its own values. A leaf's level entry with repetition level {@code r} adds an element to
 * the list at depth {@code r} (a row, for 0), and its definition level says how deep the entry is
 * defined: null or empty at the first list or struct it does not reach.
 */
final class NestedDecoder {

  private final ColumnPlan plan;
  private final Function<ColumnDescriptor, ColumnReader> readers;
  private final List<ColumnPlan.Leaf> leaves = new ArrayList<>();
  /** Level entries of each leaf read so far in the row group, and in all. */
  private final long[] read;
  private final long[] total;

  /**
   * @param readers the row group's column readers, one per leaf, shared with other decoders
   */
  NestedDecoder(ColumnPlan plan, Function<ColumnDescriptor, ColumnReader> readers) {
    this.plan = plan;
    this.readers = readers;
    collectLeaves(plan);
    this.read = new long[leaves.size()];
    this.total = new long[leaves.size()];
    for (int k = 0; k < leaves.size(); k++) {
      total[k] = readers.apply(leaves.get(k).column()).getTotalValueCount();
    }
  }

  private void collectLeaves(ColumnPlan p) {
    if (p instanceof ColumnPlan.Leaf l) {
      leaves.add(l);
    } else if (p instanceof ColumnPlan.Struct s) {
      s.fields().forEach(this::collectLeaves);
    } else if (p instanceof ColumnPlan.Repeated r) {
      collectLeaves(r.element());
    }
  }

  /** One vector of the column being decoded, with the entries written to it so far. */
  private static final class Node {
    final ColumnPlan plan;
    final FieldVector vector;
    final int depth; // the list depth whose elements (rows, at 0) are this vector's entries
    final List<Node> children = new ArrayList<>();
    Node parent;
    int owner = -1; // the leaf that writes this vector
    int count;

    Node(ColumnPlan plan, FieldVector vector, int depth) {
      this.plan = plan;
      this.vector = vector;
      this.depth = depth;
    }
  }

  /** Decodes the next {@code n} rows into {@code out}, freshly allocated. */
  void decode(FieldVector out, int n) {
    List<Node[]> paths = new ArrayList<>();
    Node root = bind(plan, out, 0, new ArrayList<>(), paths);
    for (int k = 0; k < paths.size(); k++) {
      decodeLeaf(k, paths.get(k), n);
    }
    finish(root);
    if (root.count != n) {
      throw new IllegalStateException("A nested column decoded " + root.count + " rows for " + n);
    }
  }

  private Node bind(ColumnPlan p, FieldVector vector, int depth, List<Node> above, List<Node[]> paths) {
    Node node = new Node(p, vector, depth);
    above.add(node);
    if (p instanceof ColumnPlan.Leaf) {
      for (Node a : above) {
        if (a.owner < 0) {
          a.owner = paths.size();
        }
      }
      paths.add(above.toArray(Node[]::new));
    } else if (p instanceof ColumnPlan.Struct s) {
      StructVector struct = (StructVector) vector;
      for (int c = 0; c < s.fields().size(); c++) {
        child(node, bind(s.fields().get(c), (FieldVector) struct.getChildByOrdinal(c), depth, above, paths));
      }
    } else if (p instanceof ColumnPlan.Repeated r) {
      child(node, bind(r.element(), ((ListVector) vector).getDataVector(), depth + 1, above, paths));
    }
    above.remove(above.size() - 1);
    return node;
  }

  private static void child(Node parent, Node child) {
    child.parent = parent;
    parent.children.add(child);
  }

  private void decodeLeaf(int k, Node[] path, int n) {
    ColumnPlan.Leaf leaf = leaves.get(k);
    ColumnReader reader = readers.apply(leaf.column());
    int maxDef = leaf.column().getMaxDefinitionLevel();
    int[] startAt = new int[leaf.column().getMaxRepetitionLevel() + 1];
    for (int i = path.length - 1; i >= 0; i--) {
      startAt[path[i].depth] = i;
    }
    Node value = path[path.length - 1];
    int rows = 0;
    while (read[k] < total[k]) {
      int r = reader.getCurrentRepetitionLevel();
      if (r == 0 && rows++ == n) {
        break;
      }
      int d = reader.getCurrentDefinitionLevel();
      int i = startAt[r];
      if (r > 0) {
        Node list = path[i - 1]; // another element of its current entry
        if (list.owner == k) {
          ((ListVector) list.vector).endValue(list.count - 1, 1);
        }
      }
      boolean defined = true;
      for (; i < path.length - 1; i++) {
        Node node = path[i];
        if (node.plan instanceof ColumnPlan.Struct s) {
          defined = defined && d >= s.definitionLevel();
          if (node.owner == k) {
            StructVector struct = (StructVector) node.vector;
            if (defined) {
              struct.setIndexDefined(node.count);
            } else {
              struct.setNull(node.count);
            }
            node.count++;
          }
        } else {
          ColumnPlan.Repeated list = (ColumnPlan.Repeated) node.plan;
          boolean present = defined && d >= list.definitionLevel();
          boolean nonEmpty = present && d >= list.elementLevel();
          if (node.owner == k) {
            ListVector vector = (ListVector) node.vector;
            if (present) {
              vector.startNewValue(node.count);
              if (nonEmpty) {
                vector.endValue(node.count, 1);
              }
            } else {
              vector.setNull(node.count);
            }
            node.count++;
          }
          if (!nonEmpty) {
            break; // no element: nothing below gets an entry
          }
        }
      }
      if (i == path.length - 1) {
        if (defined && d == maxDef) {
          LeafDecoder.set(reader, leaf.kind(), value.vector, value.count);
        } else {
          value.vector.setNull(value.count);
        }
        value.count++;
      }
      reader.consume();
      read[k]++;
    }
  }

  /** Sets every vector's value count, children first; a column the file lacks has nulls only. */
  private static void finish(Node node) {
    for (Node c : node.children) {
      if (c.owner < 0) {
        c.count = node.count; // ColumnPlan.Missing, under a struct
      }
      finish(c);
    }
    node.vector.setValueCount(node.count);
  }
}
