"""Read an Actorscope output folder from a notebook, as pandas DataFrames.

Every table folder of the output (articles, mentions, actor_counts, cooccurrence, topics,
doc_topics, actors, roles, quarantine, ...) is a SQL view of the same name, with the date
partitions as a ``date`` column. SQL runs in the ``duckdb`` Python module when it is installed,
otherwise through ``scripts/actorscope query OUTPUT SQL --format json`` (the DuckDB embedded in
Actorscope), so the notebooks need only Debian's pandas and matplotlib.

    from actorscope_data import Output, output_path
    out = Output(output_path())
    out.sql("SELECT actor_id, sum(mentions) AS m FROM actor_counts GROUP BY 1 ORDER BY m DESC LIMIT 5")
"""
import io
import json
import os
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def output_path(default="out/sample"):
    """ACTORSCOPE_OUTPUT if set, else ``default``; a relative path is taken from the repository root."""
    p = Path(os.environ.get("ACTORSCOPE_OUTPUT") or default)
    return p if p.is_absolute() else ROOT / p


def table_names(path):
    """Sub-folders holding Parquet files, as ``actorscope query`` registers them (not _runs, not models)."""
    names = []
    for d in sorted(Path(path).iterdir()):
        if not d.is_dir() or d.name.startswith(("_", ".")) or d.name == "models":
            continue
        if any(not any(part.startswith(("_", ".")) for part in f.relative_to(d).parts)
               for f in d.rglob("*.parquet")):
            names.append(d.name)
    return names


class Output:
    """One Actorscope output folder; ``sql()`` returns a DataFrame."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_dir():
            raise FileNotFoundError(
                f"no Actorscope output at {self.path}: run `scripts/actorscope run jobs/sample.yaml` "
                "first, or point ACTORSCOPE_OUTPUT at a run's output")
        self.tables = table_names(self.path)
        try:
            import duckdb
        except ImportError:
            duckdb = None
        if duckdb is not None:
            self._con = duckdb.connect()
            for t in self.tables:
                glob = str((self.path / t).resolve()).replace("'", "''") + "/**/*.parquet"
                self._con.execute(f"CREATE VIEW \"{t}\" AS SELECT * FROM read_parquet('{glob}', "
                                  "hive_partitioning = true, union_by_name = true)")
            self.engine = f"duckdb {duckdb.__version__} (Python module)"
        else:
            self._con = None
            self._cli = os.environ.get("ACTORSCOPE_CLI") or str(ROOT / "scripts" / "actorscope")
            self.engine = f"{self._cli} query (DuckDB inside Actorscope)"

    def has(self, table):
        return table in self.tables

    def sql(self, query):
        if self._con is not None:
            df = self._con.execute(query).df()
        else:
            df = pd.DataFrame(json.loads(self._query(query, "json")))
            if df.empty:  # JSON of no rows has no column names; the CSV header has them
                df = pd.read_csv(io.StringIO(self._query(query, "csv")))
        for c in df.columns:
            if c == "date" or c.endswith("_date"):
                df[c] = pd.to_datetime(df[c])
        return df

    def _query(self, query, fmt):
        r = subprocess.run([self._cli, "query", str(self.path), query, "--format", fmt],
                           capture_output=True, text=True)
        if r.returncode != 0:
            lines = [l for l in r.stderr.splitlines() if l.startswith("actorscope")] or r.stderr.splitlines()[-3:]
            raise RuntimeError("\n".join(lines) + f"\n(query: {query})")
        return r.stdout


def period_rule(dates):
    """Year when the dates span more than three years, month when more than half a year, else day."""
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    if dates.empty:
        return "D"
    span = (dates.max() - dates.min()).days
    return "Y" if span > 3 * 366 else "M" if span > 180 else "D"


def to_period(dates, rule):
    """Each date's period start (year, month or the day itself), as timestamps."""
    return pd.to_datetime(dates).dt.to_period(rule).dt.to_timestamp()


def sql_list(values):
    """A SQL list literal of strings: ('a', 'b')."""
    return "(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + ")"
