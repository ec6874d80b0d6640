"""Loads an Airflow DAG file against stand-ins for the Airflow classes it imports and prints what it defines as
JSON, so a JUnit test can check the DAG on a machine without Airflow. An import the stand-ins do not provide,
an argument the real class does not take, or an operator outside a DAG fails the load.

Usage: python3 load_dag.py DAG_FILE
"""
import importlib.util
import json
import sys
import types
from datetime import datetime, timedelta, timezone

DAG_ARGS = {"dag_id", "description", "doc_md", "schedule", "start_date", "end_date", "catchup",
            "max_active_runs", "default_args", "tags", "dagrun_timeout", "params"}
BASE_OPERATOR_ARGS = {"task_id", "owner", "retries", "retry_delay", "retry_exponential_backoff",
                      "max_retry_delay", "execution_timeout", "depends_on_past", "email", "email_on_failure",
                      "email_on_retry", "pool", "queue", "trigger_rule", "doc_md", "sla", "on_failure_callback"}
# The parameters of apache-airflow-providers-apache-spark's SparkSubmitOperator.
SPARK_SUBMIT_ARGS = {"application", "conf", "conn_id", "files", "py_files", "archives", "driver_class_path",
                     "jars", "java_class", "packages", "exclude_packages", "repositories", "total_executor_cores",
                     "executor_cores", "executor_memory", "driver_memory", "keytab", "principal", "proxy_user",
                     "name", "num_executors", "status_poll_interval", "application_args", "env_vars", "verbose",
                     "spark_binary", "properties_file", "yarn_queue", "deploy_mode", "use_krb5ccache"}
SHORT_CIRCUIT_ARGS = {"python_callable", "op_args", "op_kwargs", "templates_dict", "ignore_downstream_trigger_rules"}


class DAG:
    current = None

    def __init__(self, dag_id, **kwargs):
        unknown = set(kwargs) - DAG_ARGS
        if unknown:
            raise TypeError(f"DAG got unexpected arguments {sorted(unknown)}")
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []
        LOADED.append(self)

    def __enter__(self):
        DAG.current = self
        return self

    def __exit__(self, *exc):
        DAG.current = None
        return False


class BaseOperator:
    ARGS = set()

    def __init__(self, **kwargs):
        unknown = set(kwargs) - self.ARGS - BASE_OPERATOR_ARGS
        if unknown:
            raise TypeError(f"{type(self).__name__} got unexpected arguments {sorted(unknown)}")
        if DAG.current is None:
            raise RuntimeError(f"{kwargs.get('task_id')} is created outside a DAG")
        self.task_id = kwargs["task_id"]
        self.args = {**DAG.current.kwargs.get("default_args", {}), **kwargs}
        self.downstream = []
        DAG.current.tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other.task_id)
        return other


class SparkSubmitOperator(BaseOperator):
    ARGS = SPARK_SUBMIT_ARGS


class ShortCircuitOperator(BaseOperator):
    ARGS = SHORT_CIRCUIT_ARGS


def module(name, **attributes):
    created = types.ModuleType(name)
    created.__dict__.update(attributes)
    sys.modules[name] = created


def plain(value):
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if callable(value):
        return value.__name__
    return value


LOADED = []
module("airflow", DAG=DAG)
module("airflow.operators")
module("airflow.operators.python", ShortCircuitOperator=ShortCircuitOperator)
module("airflow.providers")
module("airflow.providers.apache")
module("airflow.providers.apache.spark")
module("airflow.providers.apache.spark.operators")
module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)

spec = importlib.util.spec_from_file_location("dag_under_test", sys.argv[1])
spec.loader.exec_module(importlib.util.module_from_spec(spec))

dags = []
for dag in LOADED:
    tasks = []
    for task in dag.tasks:
        described = {"task_id": task.task_id, "operator": type(task).__name__, "downstream": task.downstream,
                     "args": plain(task.args)}
        if isinstance(task, ShortCircuitOperator):
            # Weekdays (Monday 0) of the logical dates for which the task lets its downstream tasks run.
            week = [datetime(2026, 6, day, 2, 30, tzinfo=timezone.utc) for day in range(1, 8)]
            described["true_on_weekdays"] = [d.weekday() for d in week
                                             if task.args["python_callable"](logical_date=d)]
            described["true_without_logical_date"] = bool(task.args["python_callable"](logical_date=None))
        tasks.append(described)
    dags.append({"dag_id": dag.dag_id, "args": plain(dag.kwargs), "tasks": tasks})
print(json.dumps(dags))
