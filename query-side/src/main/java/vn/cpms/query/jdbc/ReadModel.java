package vn.cpms.query.jdbc;

import java.util.List;

/**
 * A projection's own tables: what its reset empties and what a rebuild (infra) builds anew beside
 * them before it switches. Tables a projection only adds to and never empties (the statistics'
 * birth basis, kept through an erasure) are not among them.
 */
public interface ReadModel {
  List<String> tables();
}
