"""Runs Ansible's `amazon.aws` modules against a running bridge, for the end-to-end tests.

One play on localhost (connection local, this Python, so the modules find boto3), with every
`amazon.aws` module pointed at the bridge through `module_defaults` (endpoint_url, region, keys,
validate_certs with the test CA), so a test lists only its tasks:

    results = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_key": {"name": "k1"}},
        {"amazon.aws.ec2_key": {"name": "k1"}},
    ])
    assert results[0]["changed"] and not results[1]["changed"]

Each task's result comes back parsed (ansible.posix's `json` callback), in task order; a failed task
raises `AnsibleTaskFailed` with its message unless the task sets `ignore_errors: true`. Nothing leaves
127.0.0.1: no AWS config or credentials files are read, instance metadata is disabled, proxies unset.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

AWS_GROUP = "group/amazon.aws.aws"


class AnsibleTaskFailed(AssertionError):
    """A task failed; `result` is its parsed result."""

    def __init__(self, name, result):
        # amazon.aws modules put botocore's error (code and message) beside their own message.
        error = result.get("error") or (result.get("response") or {}).get("Error") or result.get("exception", "")[-600:]
        super().__init__(f"task {name!r} failed: {result.get('msg') or result}" + (f" ({error})" if error else ""))
        self.result = result


def aws_defaults(bridge):
    """The connection options of every amazon.aws module, for `module_defaults`."""
    return {
        "endpoint_url": bridge.ec2_endpoint,
        "region": bridge.region,
        "access_key": bridge.access_key,
        "secret_key": bridge.secret_key,
        "validate_certs": True,
        "aws_ca_bundle": bridge.ca_file,
    }


def environment(directory):
    """ansible-playbook's environment: its own home and temp folders, no AWS files, no proxies."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "ANSIBLE_")) and "proxy" not in k.lower()}
    env.update({
        "ANSIBLE_HOME": str(directory / "home"),
        "ANSIBLE_LOCAL_TEMP": str(directory / "tmp"),
        "ANSIBLE_STDOUT_CALLBACK": "ansible.posix.json",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_HOST_KEY_CHECKING": "0",
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "NO_PROXY": "*",
    })
    return env


def playbook_command():
    """The ansible-playbook installed with this Python (pip puts it beside the interpreter), else PATH's."""
    beside = Path(sys.executable).parent / "ansible-playbook"
    return str(beside) if beside.exists() else "ansible-playbook"


def playbook(bridge, tasks, extra_defaults=None):
    """One play running `tasks` on localhost with the bridge's connection options as module defaults."""
    defaults = {AWS_GROUP: aws_defaults(bridge)}
    defaults.update(extra_defaults or {})
    return [{
        "name": "stackbridge",
        "hosts": "localhost",
        "connection": "local",
        "gather_facts": False,
        "module_defaults": defaults,
        "tasks": tasks,
    }]


def run_tasks(bridge, directory, tasks, check=False, timeout=900):
    """Runs `tasks` (Ansible task dicts) in one play; returns each task's result, in order."""
    directory = Path(directory)
    for sub in ("home", "tmp"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    book = directory / f"playbook-{len(list(directory.glob('playbook-*.json')))}.json"
    book.write_text(json.dumps(playbook(bridge, tasks), indent=2))
    command = [playbook_command(), "-i", "localhost,", str(book)] + (["--check"] if check else [])
    done = subprocess.run(command, env=environment(directory), cwd=directory, capture_output=True, text=True,
                          timeout=timeout)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"ansible-playbook printed no JSON (exit {done.returncode}): "
                             f"{done.stdout[-2000:]} {done.stderr[-2000:]}") from error
    results = []
    for given, task in zip(tasks, report["plays"][0]["tasks"]):
        result = task["hosts"].get("localhost", {})
        results.append(result)
        if result.get("failed") and not given.get("ignore_errors"):
            raise AnsibleTaskFailed(task["task"]["name"], result)
    if done.returncode != 0 and len(results) == len(tasks):
        raise AssertionError(f"ansible-playbook exited {done.returncode}: {done.stderr[-2000:]}")
    return results


def run_task(bridge, directory, module, args, check=False, ignore_errors=False):
    """Runs one module with `args`; returns its result (a failure raises unless `ignore_errors`)."""
    task = {"name": module, module: args}
    if ignore_errors:
        task["ignore_errors"] = True
    return run_tasks(bridge, directory, [task], check=check)[0]
