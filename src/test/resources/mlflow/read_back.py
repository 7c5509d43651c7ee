"""Reads back with the Python MLflow client what the Java side wrote; prints JSON on stdout.

Usage: python read_back.py EXPERIMENT MODEL  (MLFLOW_TRACKING_URI names the server)
"""
import json
import sys

from mlflow import MlflowClient


def main(experiment_name, model_name):
    client = MlflowClient()
    experiment = client.get_experiment_by_name(experiment_name)
    runs = client.search_runs([experiment.experiment_id], max_results=1000)
    out = {"runs": {}, "versions": [], "champion": None}
    for run in runs:
        metrics = {}
        for key in run.data.metrics:
            history = client.get_metric_history(run.info.run_id, key)
            metrics[key] = [[m.step, m.value] for m in sorted(history, key=lambda m: (m.step, m.timestamp))]
        out["runs"][run.info.run_id] = {
            "parent": run.data.tags.get("mlflow.parentRunId"),
            "status": run.info.status,
            "params": run.data.params,
            "metrics": metrics,
            "artifacts": sorted(a.path for a in client.list_artifacts(run.info.run_id)),
            "inputs": sorted(d.dataset.name for d in run.inputs.dataset_inputs),
        }
    for version in client.search_model_versions(f"name = '{model_name}'"):
        out["versions"].append({"version": version.version, "run_id": version.run_id, "tags": version.tags})
    out["champion"] = client.get_model_version_by_alias(model_name, "champion").version
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
