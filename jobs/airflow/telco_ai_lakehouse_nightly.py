"""Nightly telco-ai-lakehouse run, and weekly maintenance, with Apache Airflow and spark-submit.

Needs Airflow 2.7+ (or 3) with apache-airflow-providers-apache-spark, a Spark connection ``spark_default``
(master and deploy mode; client mode, as with jobs/lakehouse-submit), and on the workers the built project at
``LAKEHOUSE_HOME`` (the cluster jar from ``mvn -DskipTests package``, conf/), Spark 3.5 with Java 17 and access to
Maven Central for ``--packages``. Airflow Variables ``telco_ai_lakehouse_landing`` and
``telco_ai_lakehouse_warehouse`` name the data folders (any Hadoop path); with a warehouse on object storage,
conf/application.conf or conf/spark-defaults.conf must point the catalog at a shared Hive metastore.

Tasks: ``nightly`` >> ``maintenance_night`` >> ``maintain``.

One ``nightly`` task rather than one task per stage: the order of the stages (ingest, then the reports, and what
else the night grows) is kept in one place, the jar, so Airflow, cron and Kubernetes run the same night. A
retry costs little: ingest skips files already ingested and every commit is idempotent, so a retry only redoes
what failed, and the reports are recomputed from silver. The weekly ``maintain`` (OPTIMIZE, then VACUUM with the
configured retention) runs after the nightly of each Saturday's date, in the same DAG run, so it never
overlaps a nightly: OPTIMIZE and a MERGE on the same files conflict.

Run date: a run's logical date is the start of its data interval, so the run starting at 02:30 UTC on day D+1
has ``ds`` = D and runs ``nightly --run-date D``: the deliveries dated D are complete, and every delivery dated
up to D is ingested. cron's ``--run-date yesterday`` names the same day.

Catchup: ``catchup=False``. A night that did not run (Airflow down, DAG paused) is not run later on its own:
the next night ingests everything dated up to its date, late deliveries included, so nothing is lost; only the
missed night's export folder is missing. To recreate those, ``airflow dags backfill -s D1 -e D2
telco_ai_lakehouse_nightly`` runs the nights one at a time (``max_active_runs=1``), oldest first.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

try:  # Airflow 3
    from airflow.providers.standard.operators.python import ShortCircuitOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2.7+
    from airflow import DAG
    from airflow.operators.python import ShortCircuitOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

LAKEHOUSE_HOME = os.environ.get("LAKEHOUSE_HOME", "/opt/telco-ai-lakehouse")
# The shade plugin's "cluster" jar: the project with picocli, Typesafe Config and JFreeChart; Spark comes
# from the cluster, Delta from --packages.
APPLICATION = f"{LAKEHOUSE_HOME}/target/telco-ai-lakehouse-0.1.0-SNAPSHOT-cluster.jar"
MAIN_CLASS = "org.telcoai.lakehouse.cli.LakehouseCli"
DELTA_PACKAGE = "io.delta:delta-spark_2.12:3.3.3"

# jobs/jvm-options: Spark 3.5 on Java 17 needs them on the driver and on every executor.
JVM_OPTIONS = [
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true",
]
DRIVER_OPTIONS = JVM_OPTIONS + [
    f"-Dconfig.file={LAKEHOUSE_HOME}/conf/application.conf",
    f"-Dlog4j2.configurationFile={LAKEHOUSE_HOME}/conf/log4j2.properties",
    # A scheduled run must never fill an empty (misconfigured) landing zone with demo data.
    "-Dlakehouse.demo.generate-when-landing-empty=false",
]
DATA_FOLDERS = [
    "--landing", "{{ var.value.telco_ai_lakehouse_landing }}",
    "--warehouse", "{{ var.value.telco_ai_lakehouse_warehouse }}",
]
# The logical date of the Saturday night's run; maintenance then runs early on Sunday (UTC).
MAINTENANCE_WEEKDAY = 5


def lakehouse_task(task_id: str, arguments: list[str]) -> SparkSubmitOperator:
    """One lakehouse command through spark-submit, as jobs/lakehouse-submit runs it."""
    return SparkSubmitOperator(
        task_id=task_id,
        application=APPLICATION,
        java_class=MAIN_CLASS,
        packages=DELTA_PACKAGE,
        conf={
            "spark.driver.extraJavaOptions": " ".join(DRIVER_OPTIONS),
            "spark.executor.extraJavaOptions": " ".join(JVM_OPTIONS),
            # As conf/spark-defaults.conf has it for local runs; the cluster's own defaults apply otherwise.
            "spark.sql.parquet.compression.codec": "zstd",
        },
        name=f"telco-ai-lakehouse-{task_id}",
        application_args=arguments + DATA_FOLDERS,
    )


def is_maintenance_night(logical_date=None, **_) -> bool:
    """True for the run whose logical date is a Saturday; other runs skip maintain."""
    return logical_date is not None and logical_date.weekday() == MAINTENANCE_WEEKDAY


with DAG(
    dag_id="telco_ai_lakehouse_nightly",
    description="Ingest the night's deliveries and recompute the gold reports; maintain the tables weekly",
    doc_md=__doc__,
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "telco-ai-lakehouse",
        # Retried after a pause: a lost executor or a busy metastore usually passes; exit 2 (usage) will not,
        # but costs only the retries.
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(hours=4),
        "depends_on_past": False,
    },
    tags=["telco-ai-lakehouse", "spark", "delta"],
) as dag:
    nightly = lakehouse_task("nightly", ["nightly", "--run-date", "{{ ds }}"])
    maintenance_night = ShortCircuitOperator(task_id="maintenance_night", python_callable=is_maintenance_night)
    maintain = lakehouse_task("maintain", ["maintain"])

    nightly >> maintenance_night >> maintain
