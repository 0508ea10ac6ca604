"""Every code block of the guides (``docs/``) runs as written against the simulator.

One page, one fresh :class:`~lptpb_ext.simulator.Simulator` served over real HTTP: the page's
blocks run in order, in one namespace, as a reader would paste them, with the documented
``http://127.0.0.1:8080`` pointed at the served simulator. What runs, by the fence's language:

- ``python``: executed. A ``text`` block titled ``Output`` right after it is what it must
  print, line for line (``...`` in a line stands for any text: a time, an id).
- ``console``: each ``$`` line is run in turn as the shell would, for the commands the guides
  use (``export``, ``lptpb ...`` in-process, ``echo ... | lptpb ...``, ``; echo "exit $?"``,
  ``NAME=value``, and ``read -rs LPTPB_PASSWORD``, answered with the simulator's password);
  the lines after it are what it must print (times as ``hh:mm:ss``).
- ``yaml`` titled ``seed.yaml``: loaded as a simulator seed, and a simulator made from it.
- ``toml``: a ``config.toml`` of profiles, loaded as ``lptpb`` loads it.

A block that cannot run here (it installs from a package index, or needs a machine of its
own) says why just before it, ``<!-- not-run: reason -->``, and is counted as such. Any other
code block fails the test: nothing in the guides goes unchecked by accident.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.spec import ROOT

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")

DOCS = ROOT / "docs"
DOCUMENTED_URL = "http://127.0.0.1:8080"
FENCE = re.compile(
    r"(?P<before>(?:<!--[^\n]*-->\s*\n)?)^(?P<indent>[ ]*)```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)```[ ]*$",
    re.DOTALL | re.MULTILINE,
)
NOT_RUN = re.compile(r"<!--\s*not-run:\s*(?P<reason>[^>]+?)\s*-->")
CODE_LANGUAGES = {"python", "pycon", "console", "bash", "sh", "shell", "yaml", "json", "toml"}
CLOCK = re.compile(r"\b\d\d:\d\d:\d\d\b")


@dataclass
class Block:
    page: str
    line: int
    lang: str
    title: str
    body: str
    not_run: str | None = None
    output: list[str] | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The page's fenced blocks, each ``Output`` block attached to the block before it."""
    text = page.read_text(encoding="utf-8")
    found: list[Block] = []
    for match in FENCE.finditer(text):
        indent = match["indent"]
        body = "".join(line[len(indent) :] + "\n" for line in match["body"].splitlines())
        title = re.search(r'title="([^"]*)"', match["attrs"])
        block = Block(
            page=str(page.relative_to(DOCS)),
            line=text.count("\n", 0, match.start("indent")) + 1,
            lang=match["lang"],
            title=title.group(1) if title else "",
            body=body,
        )
        if (reason := NOT_RUN.search(match["before"])) is not None:
            block.not_run = reason["reason"]
        if block.lang == "text" and block.title == "Output":
            assert found, f"{block.where}: an Output block needs a block before it"
            found[-1].output = body.splitlines()
            continue
        found.append(block)
    return found


def guide_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "reference" not in p.parts)


def code_blocks() -> list[Block]:
    return [b for page in guide_pages() for b in blocks(page) if b.lang in CODE_LANGUAGES]


def _matches(printed: list[str], expected: list[str]) -> bool:
    if len(printed) != len(expected):
        return False
    for line, pattern in zip(printed, expected, strict=True):
        regex = ".*".join(re.escape(part) for part in pattern.split("..."))
        if not re.fullmatch(regex, line):
            return False
    return True


@contextlib.contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(changes)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class Reader:
    """Runs one page's blocks in order, against one simulator, as a reader would."""

    def __init__(self, url: str, sim: object) -> None:
        self.url = url
        self.sim = sim
        self.namespace: dict[str, object] = {"__name__": "__guide__"}
        self.shell: dict[str, str] = {}

    def run(self, block: Block) -> None:
        if block.lang == "python":
            self.python(block)
        elif block.lang == "console":
            self.console(block)
        elif block.lang == "yaml" and block.title == "seed.yaml":
            seed = simulator.load_seed(yaml.safe_load(block.body))
            simulator.Simulator(seed)
        elif block.lang == "toml":
            self.profiles(block)
        else:
            raise AssertionError(f"{block.where}: a {block.lang!r} block that nothing runs")

    def profiles(self, block: Block) -> None:
        """A ``config.toml`` of profiles: loaded as ``lptpb`` loads it, every profile valid."""
        from lptpb_ext.cli._config import load_config  # noqa: PLC0415 - only where used

        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "config.toml"
            path.write_text(block.body, encoding="utf-8")
            config = load_config(path)
        assert config.profiles, f"{block.where}: no profile in it"

    def python(self, block: Block) -> None:
        code = block.body.replace(DOCUMENTED_URL, self.url)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, block.where, "exec"), self.namespace)  # noqa: S102 - our own docs
        printed = out.getvalue().replace(self.url, DOCUMENTED_URL).splitlines()
        if block.output is not None:
            assert _matches(printed, block.output), (block.where, printed)

    def console(self, block: Block) -> None:
        from lptpb_ext.cli import main  # noqa: PLC0415 - the command line, only where used

        steps: list[tuple[str, list[str]]] = []
        for line in block.body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                assert steps, f"{block.where}: output before any command"
                steps[-1][1].append(line)
        for command, expected in steps:
            line = command
            for name, value in self.shell.items():
                line = line.replace(f"${name}", value)
            if re.fullmatch(r"[A-Z_]+=\S+", line):
                name, value = line.split("=", 1)
                self.shell[name] = value
                continue
            if line.startswith("export "):
                for word in shlex.split(line)[1:]:
                    name, value = word.split("=", 1)
                    os.environ[name] = value.replace(DOCUMENTED_URL, self.url)
                continue
            if line.startswith("lptpb sim"):
                continue  # the served simulator stands in for it
            if (read := re.fullmatch(r"read -rs (\w+) && export \1(?:\s+#.*)?", line)) is not None:
                os.environ[read[1]] = simulator.PASSWORD  # what the reader types
                continue
            line, shows_exit = re.subn(r'; echo "exit \$\?"$', "", line)
            stdin = ""
            if " | " in line:
                echo, line = line.split(" | ", 1)
                stdin = shlex.split(echo)[1]
            argv = shlex.split(line)
            assert argv[0] == "lptpb", f"{block.where}: cannot run {command!r}"
            out, err = io.StringIO(), io.StringIO()
            with (
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
                _stdin(stdin),
            ):
                code = main(argv[1:])
            printed = (out.getvalue() + err.getvalue()).replace(self.url, DOCUMENTED_URL)
            lines = [CLOCK.sub("hh:mm:ss", x) for x in printed.splitlines()]
            lines += [f"exit {code}"] if shows_exit else []
            assert shows_exit or code == 0, (block.where, command, printed)
            wanted = [CLOCK.sub("hh:mm:ss", x) for x in expected]
            assert _matches(lines, wanted), (block.where, command, lines)


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    import sys  # noqa: PLC0415

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_code_block_of_the_page_runs(page: Path, tmp_path: Path) -> None:
    """The page's blocks run in order against a fresh simulator and print what they show."""
    page_blocks = [b for b in blocks(page) if b.lang in CODE_LANGUAGES and b.not_run is None]
    if not page_blocks:
        pytest.skip("no runnable code block")
    clean = {name: "" for name in os.environ if name.startswith("LPTPB_")}
    with (
        _environment({**clean, "XDG_STATE_HOME": str(tmp_path / "state")}),
        contextlib.chdir(tmp_path),
    ):
        sim = simulator.Simulator()
        with simulator.serve(sim) as url:
            reader = Reader(url, sim)
            for block in page_blocks:
                reader.run(block)


def test_every_code_block_runs_or_says_why_not() -> None:
    """Counted over all guides: blocks run, and blocks marked not-run each with a reason."""
    every = code_blocks()
    skipped = [b for b in every if b.not_run is not None]
    for block in skipped:
        assert len(block.not_run or "") >= 10, f"{block.where}: say why it does not run"
    assert len(every) - len(skipped) >= 30, len(every)
    print(f"guides: {len(every) - len(skipped)}/{len(every)} code blocks run")


def test_an_unmarked_block_of_another_language_fails() -> None:
    """A ``bash`` block nobody marked is refused, so no block escapes the check by its fence."""
    block = Block(page="x.md", line=1, lang="bash", title="", body="pip install lptpb\n")
    with pytest.raises(AssertionError, match="that nothing runs"):
        Reader("http://127.0.0.1:1", None).run(block)


def test_output_lines_are_compared_with_wildcards() -> None:
    """``...`` stands for any text within one line, and the line count must agree."""
    assert _matches(["sent 7 at 12:00"], ["sent ... at ..."])
    assert not _matches(["sent 7"], ["sent 8"])
    assert not _matches(["a", "b"], ["a"])
