package io.actorscope.output;

/**
 * Fruchterman–Reingold force-directed layout for the report's small networks (tens of nodes):
 * connected nodes attract, all nodes repel. Deterministic: nodes start on a circle in input order.
 * Written here because the report must draw without a browser library; at this size it takes
 * milliseconds.
 */
final class Layout {
  private Layout() {}

  /**
   * Positions in [0, 1] x [0, 1], one per node. Each connected component is laid out on its own and
   * the components are packed into a grid of cells (largest first), so that many small
   * components (the usual picture of "strongest pairs") do not shrink to dots around a ring.
   */
  static double[][] forceDirected(int n, int[][] edges, int iterations) {
    int[] comp = new int[n];
    java.util.Arrays.fill(comp, -1);
    java.util.List<java.util.List<Integer>> comps = new java.util.ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (comp[s] >= 0) {
        continue;
      }
      java.util.List<Integer> members = new java.util.ArrayList<>();
      java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(java.util.List.of(s));
      comp[s] = comps.size();
      while (!todo.isEmpty()) {
        int v = todo.pop();
        members.add(v);
        for (int[] e : edges) {
          int w = e[0] == v ? e[1] : e[1] == v ? e[0] : -1;
          if (w >= 0 && comp[w] < 0) {
            comp[w] = comps.size();
            todo.push(w);
          }
        }
      }
      comps.add(members);
    }
    comps.sort((a, b) -> b.size() - a.size());
    int cols = (int) Math.ceil(Math.sqrt(comps.size()));
    int rows = (int) Math.ceil((double) comps.size() / cols);
    double[][] p = new double[n][2];
    for (int c = 0; c < comps.size(); c++) {
      java.util.List<Integer> members = comps.get(c);
      java.util.List<int[]> local = new java.util.ArrayList<>();
      for (int[] e : edges) {
        if (members.contains(e[0])) {
          local.add(new int[] {members.indexOf(e[0]), members.indexOf(e[1])});
        }
      }
      double[][] q = component(members.size(), local.toArray(new int[0][]), iterations);
      double cellX = (c % cols + 0.5) / cols;
      double cellY = (c / cols + 0.5) / rows;
      for (int i = 0; i < members.size(); i++) {
        p[members.get(i)][0] = cellX + (q[i][0] - 0.5) * 0.7 / cols;
        p[members.get(i)][1] = cellY + (q[i][1] - 0.5) * 0.7 / rows;
      }
    }
    return stretch(p);
  }

  private static double[][] component(int n, int[][] edges, int iterations) {
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / Math.max(1, n);
      p[i][0] = 0.5 + 0.4 * Math.cos(a);
      p[i][1] = 0.5 + 0.4 * Math.sin(a);
    }
    if (n < 2) {
      return p;
    }
    double k = 2.5 * Math.sqrt(1.0 / n);
    double t = 0.1;
    for (int it = 0; it < iterations; it++) {
      double[][] disp = new double[n][2];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double dx = p[i][0] - p[j][0];
          double dy = p[i][1] - p[j][1];
          double d = Math.max(1e-4, Math.hypot(dx, dy));
          double f = k * k / d;
          disp[i][0] += dx / d * f;
          disp[i][1] += dy / d * f;
          disp[j][0] -= dx / d * f;
          disp[j][1] -= dy / d * f;
        }
      }
      for (int[] e : edges) {
        int a = e[0];
        int b = e[1];
        double dx = p[a][0] - p[b][0];
        double dy = p[a][1] - p[b][1];
        double d = Math.max(1e-4, Math.hypot(dx, dy));
        double f = d * d / k;
        disp[a][0] -= dx / d * f;
        disp[a][1] -= dy / d * f;
        disp[b][0] += dx / d * f;
        disp[b][1] += dy / d * f;
      }
      for (int i = 0; i < n; i++) {
        // a weak pull to the centre keeps separate components on the canvas
        disp[i][0] += (0.5 - p[i][0]) * k * 0.2;
        disp[i][1] += (0.5 - p[i][1]) * k * 0.2;
        double d = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1]));
        double step = Math.min(d, t);
        p[i][0] += disp[i][0] / d * step;
        p[i][1] += disp[i][1] / d * step;
      }
      t = Math.max(0.002, t * 0.985);
    }
    return stretch(p);
  }

  /** Scales positions to fill the unit square. */
  private static double[][] stretch(double[][] p) {
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (double[] q : p) {
      minX = Math.min(minX, q[0]);
      maxX = Math.max(maxX, q[0]);
      minY = Math.min(minY, q[1]);
      maxY = Math.max(maxY, q[1]);
    }
    for (double[] q : p) {
      q[0] = maxX > minX ? (q[0] - minX) / (maxX - minX) : 0.5;
      q[1] = maxY > minY ? (q[1] - minY) / (maxY - minY) : 0.5;
    }
    return p;
  }
}
