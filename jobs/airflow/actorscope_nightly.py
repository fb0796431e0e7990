"""Airflow DAG: the Actorscope nightly run, one day per DAG run, with backfill through Airflow's own
catch-up (or `airflow dags backfill -s A -e B actorscope_nightly`).

It runs the same command line as scripts/submit: spark-submit --class io.actorscope.cli.Main
target/actorscope-0.1.0-SNAPSHOT-app.jar run jobs/nightly.yaml --date {{ ds }}
(`scripts/submit --master URL run jobs/nightly.yaml --date D`). The Spark master comes from the
Airflow connection `spark_default`. CI checks this file compiles and that its command line
matches scripts/submit (scripts/check-jobs).

Exit codes of the job: 0 ok, 1 job failed, 2 bad configuration, 3 no input for the day (retried:
the folder may land late), 4 another run holds the day's lock (retried).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

ACTORSCOPE_HOME = "/opt/actorscope"
APP_JAR = ACTORSCOPE_HOME + "/target/actorscope-0.1.0-SNAPSHOT-app.jar"
MAIN_CLASS = "io.actorscope.cli.Main"
JOB_SPEC = ACTORSCOPE_HOME + "/jobs/nightly.yaml"
# What follows `scripts/submit [--master URL] [spark-submit options]`: the `run` subcommand and its options.
RUN_ARGS = ["run", JOB_SPEC, "--date", "{{ ds }}"]
SPARK_CONF = {
    "spark.executor.memory": "4g",
    "spark.sql.shuffle.partitions": "64",
}

with DAG(
    dag_id="actorscope_nightly",
    start_date=datetime(2025, 1, 1),
    schedule="30 2 * * *",
    catchup=True,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=30)},
    tags=["actorscope"],
) as dag:
    SparkSubmitOperator(
        task_id="actorscope_run",
        conn_id="spark_default",
        application=APP_JAR,
        java_class=MAIN_CLASS,
        application_args=RUN_ARGS,
        conf=SPARK_CONF,
        name="actorscope-{{ ds }}",
    )
