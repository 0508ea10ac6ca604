"""``lptpb`` in a real terminal (tmux) and in a real shell's completion (bash).

tmux runs ``lptpb watch`` on a 100x20 screen: the test reads the screen as a person would
(``capture-pane``), sees the table redrawn in place while a command waits, presses Ctrl-C and
reads exit status 130. Shells: bash asks ``lptpb`` for completions through the code that
``lptpb completion bash`` prints; zsh and fish scripts are checked by their shells when
installed. Without tmux (or bash) a test skips, saying so; CI installs tmux (``.ci/run``).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli_support import CONV, LPTPB, process, run, simulator

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures

TMUX = shutil.which("tmux")
BASH = shutil.which("bash")


class Screen:
    """A detached tmux session of its own server (socket), read with capture-pane."""

    def __init__(self, command: str, env: dict[str, str], tmp: Path) -> None:
        assert TMUX is not None
        self.socket = str(tmp / "tmux.sock")
        flags = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        self._tmux(
            "new-session", "-d", "-s", "t", "-x", "100", "-y", "20", *flags,
            f"{command}; echo \"exit $?\"; sleep 60",
        )  # fmt: skip

    def _tmux(self, *argv: str) -> str:
        done = subprocess.run(  # noqa: S603 - tmux, found on PATH
            [TMUX, "-S", self.socket, "-f", os.devnull, *argv],
            capture_output=True, text=True, check=True, timeout=30,
        )  # fmt: skip
        return done.stdout

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        end = time.monotonic() + timeout
        while True:
            found = re.search(pattern, self.text(), flags=re.MULTILINE)
            if found is not None:
                return found
            if time.monotonic() > end:
                raise AssertionError(f"{pattern!r} never showed; the screen:\n{self.text()}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)

    def close(self) -> None:
        subprocess.run(  # noqa: S603 - tmux, found on PATH
            [TMUX, "-S", self.socket, "kill-server"], capture_output=True, check=False
        )


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")
def test_watch_redraws_in_a_terminal_and_ctrl_c_exits_130(sim, capsys, tmp_path):
    """A held command keeps watch running: its status line is redrawn in place (one table on
    the screen, the elapsed time moving); Ctrl-C ends it with exit status 130."""
    sim.hold_commands()
    assert run(capsys, "send", CONV, "held")[0] == 0
    names = ("LPTPB_ACCOUNT", "LPTPB_BASE_URL", "LPTPB_USERNAME", "LPTPB_PASSWORD")
    env = {name: os.environ[name] for name in names}
    env.update(LPTPB_CONFIG=os.environ["LPTPB_CONFIG"], XDG_STATE_HOME=os.environ["XDG_STATE_HOME"])
    screen = Screen(f"{shlex.quote(LPTPB)} watch {CONV} --interval 0.2", env, tmp_path)
    try:
        status = rf"^{CONV}: 1 waiting, 0 settled \((\d+\.\d)s\)$"
        first = float(screen.wait_for(status).group(1))
        end = time.monotonic() + 30
        while (later := float(screen.wait_for(status).group(1))) == first:
            assert time.monotonic() < end, "the status line was never redrawn"
            time.sleep(0.05)
        assert later > first
        text = screen.text()
        assert text.count(f"{CONV}:") == 1  # redrawn in place, not appended
        assert re.search(r"^1\s+messages\s+waiting\s", text, flags=re.MULTILINE)
        screen.keys("C-c")
        screen.wait_for(r"^exit 130$")
        assert "Traceback" not in screen.text()
        assert "lptpb watch: interrupted" in screen.text()
    finally:
        screen.close()


def bash_complete(line: str) -> list[str]:
    """What bash offers on Tab after ``line``, through ``lptpb completion bash``'s code."""
    assert BASH is not None
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    script = f"""
eval "$({shlex.quote(LPTPB)} completion bash)"
COMP_LINE={shlex.quote(line)}
COMP_POINT=${{#COMP_LINE}}
COMP_WORDS=({" ".join(shlex.quote(w) for w in words)})
COMP_CWORD={len(words) - 1}
_python_argcomplete lptpb
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    env = {**os.environ, "PATH": f"{Path(LPTPB).parent}:{os.environ['PATH']}"}
    done = subprocess.run(  # noqa: S603 - bash, found on PATH
        [BASH, "--norc", "-c", script], capture_output=True, text=True, env=env, timeout=60,
        check=True,
    )  # fmt: skip
    return sorted(w.strip() for w in done.stdout.splitlines() if w.strip())


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_profiles(sim, capsys):
    """Tab completes subcommands, a subcommand's options, choices and profile names."""
    assert bash_complete("lptpb s") == ["sdes", "send", "sim"]
    assert "--dry-run" in bash_complete("lptpb send --d")
    assert bash_complete("lptpb ttr CONV P") == ["PRIORITIZED"]
    assert {"bash", "fish", "zsh"} <= set(bash_complete("lptpb completion "))
    run(capsys, "profile", "set", "staging", "--account", "1")
    run(capsys, "profile", "set", "prod", "--account", "2")
    assert bash_complete("lptpb login --profile ") == ["prod", "staging"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_code_is_valid(shell):
    """The zsh and fish code names lptpb, and parses in its shell where that is installed."""
    done = process("completion", shell)
    assert done.returncode == 0
    assert "lptpb" in done.stdout
    binary = shutil.which(shell)
    if binary is None:
        pytest.skip(f"{shell} is not installed: its syntax check is skipped")
    check = subprocess.run(  # noqa: S603 - the shell, found on PATH
        [binary, "-n"], input=done.stdout, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stderr


assert simulator  # the sim extra is required (imported by cli_support)
