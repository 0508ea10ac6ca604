"""`lptpb sim`: the argparse command line that serves the simulator."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys

import httpx
import pytest

from lptpb_ext.cli import build_parser, main
from lptpb_ext.simulator import DEFAULT_SEED_PATH, PASSWORD, PASSWORD_USER


def test_sim_is_a_subcommand_with_its_options():
    """The parser knows `sim` and its host, port, seed, clock and lifetime options."""
    args = build_parser().parse_args(
        [
            "sim",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--seed",
            "s.yaml",
            "--manual-clock",
            "--exit-after",
            "3",
        ]
    )
    assert (args.command, args.host, args.port, str(args.seed)) == ("sim", "127.0.0.1", 0, "s.yaml")
    assert (args.manual_clock, args.exit_after) == (True, 3.0)


def test_a_command_is_required(capsys):
    """`lptpb` alone is a usage error (exit 2), not a silent success."""
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_print_seed_shows_the_default_seed(capsys):
    """`lptpb sim --print-seed` prints the shipped seed as a starting point."""
    assert main(["sim", "--print-seed"]) == 0
    assert capsys.readouterr().out == DEFAULT_SEED_PATH.read_text(encoding="utf-8")


def test_a_bad_seed_is_reported_with_exit_status_2(tmp_path, capsys):
    """A malformed seed file stops the command with a message naming the problem."""
    seed = tmp_path / "seed.yaml"
    seed.write_text("accounts: [{zone: 1}]\n", encoding="utf-8")
    assert main(["sim", "--seed", str(seed), "--port", "0"]) == 2
    assert "accounts[0].id is required" in capsys.readouterr().err


def test_without_the_sim_extra_the_command_says_what_to_install():
    """Without starlette (the `sim` extra), `lptpb sim` exits 2 and names the extra."""
    code = "import sys; sys.modules['starlette'] = None; from lptpb_ext.cli import main; "
    code += "sys.exit(main(['sim']))"
    argv = [sys.executable, "-c", code]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603 - our interpreter
    assert done.returncode == 2
    assert "lptpb[sim]" in done.stderr


def test_lptpb_sim_serves_until_stopped():
    """`python -m lptpb_ext.cli sim` prints its URL, answers API and control API, stops cleanly."""
    argv = [
        sys.executable,
        "-m",
        "lptpb_ext.cli",
        "sim",
        "--port",
        "0",
        "--manual-clock",
        "--exit-after",
        "120",
    ]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:  # noqa: S603 - our interpreter
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            url = line.split("serving ", 1)[1].split(" ", 1)[0]
            body = {
                "authType": "USER_PASS",
                "credentials": {"username": PASSWORD_USER, "password": PASSWORD},
            }
            login = httpx.post(f"{url}/api/v1/account/12345678/login?v=1.3", json=body, timeout=60)
            advanced = httpx.post(f"{url}/_sim/clock/advance", json={"seconds": 1}, timeout=60)
        finally:
            proc.send_signal(signal.SIGINT)
            _, errors = proc.communicate(timeout=30)
    assert url.startswith("http://127.0.0.1:")
    assert login.status_code == 200
    assert advanced.status_code == 204
    assert proc.returncode == 0
    assert "Traceback" not in errors


def test_a_control_token_from_the_environment_guards_the_control_api():
    """`LPTPB_SIM_CONTROL_TOKEN` makes /_sim need X-Lptpb-Sim-Token; the token is never shown."""
    token = "cli-token-42"  # noqa: S105 - a test's control token
    argv = [sys.executable, "-m", "lptpb_ext.cli", "sim", "--port", "0", "--exit-after", "120"]
    env = {**os.environ, "LPTPB_SIM_CONTROL_TOKEN": token}
    with subprocess.Popen(  # noqa: S603 - our interpreter
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            url = line.split("serving ", 1)[1].split(" ", 1)[0]
            refused = httpx.get(f"{url}/_sim/state", timeout=60)
            allowed = httpx.get(f"{url}/_sim/state", headers={"X-Lptpb-Sim-Token": token})
        finally:
            proc.send_signal(signal.SIGINT)
            out, errors = proc.communicate(timeout=30)
    assert "X-Lptpb-Sim-Token" in line
    assert (refused.status_code, allowed.status_code) == (401, 200)
    assert token not in line + out + errors + refused.text


def test_an_empty_control_token_on_stdin_is_a_usage_error(monkeypatch, capsys):
    """`--control-token-stdin` with an empty first line stops before serving (exit 2)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert main(["sim", "--port", "0", "--control-token-stdin"]) == 2
    assert "control token from stdin" in capsys.readouterr().err
