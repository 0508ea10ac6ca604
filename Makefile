# Build / generation / lint pipeline. Every target installs what it needs itself
# (a fresh clone needs only python3, pip, node and npm). Logic lives in scripts/.
# Override the contract for experiments with `make <target> SPEC=path/to/spec.yaml`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON   ?= python3
UV_VERSION := 0.13.9
SPEC     ?= openapi.yaml
CHANGELOG ?= CHANGELOG.md
TOOLS    := .tools
UV       := $(TOOLS)/bin/uv
VENV_BIN := .venv/bin
NODE_DIR := scripts/node
NODE_STAMP := $(NODE_DIR)/node_modules/.ci-stamp
PY_SRC   := $(wildcard lptpb_ext tests scripts examples)

# uv: use the machine's interpreter, never download one; keep its cache out of the repo.
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1

.PHONY: help bootstrap sync node generate check-generated lint lint-py lint-spec \
        typecheck format test build clean spec-diff demo bench-sim docs portability prism \
        portability-tools

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
	  | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'
	@echo "Variables: SPEC=$(SPEC) (OpenAPI document used by generate/check-generated/lint-spec)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

bootstrap: $(UV) ## Create .tools/ (pinned uv) - done automatically by other targets

sync: $(UV) ## Create/refresh .venv from uv.lock (project editable + dev tools)
	$(UV) sync --locked --all-extras --quiet

$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

node: $(NODE_STAMP) ## Install pinned Node tooling (Redocly, openapi-typescript, tsc, playwright-core)

generate: sync ## Regenerate generated/ from the spec (atomic: old tree kept on failure)
	$(VENV_BIN)/python scripts/generate.py --spec $(SPEC)

check-generated: sync ## Fail if generated/ differs from a fresh generation
	$(VENV_BIN)/python scripts/generate.py --spec $(SPEC) --check

lint-spec: sync node ## Spec gates: openapi-spec-validator, Redocly lint, Spectral OWASP (zero findings)
	$(VENV_BIN)/python scripts/lint_spec.py --spec $(SPEC)

lint-py: sync ## ruff check + ruff format --check on hand-written code
	$(VENV_BIN)/ruff check $(PY_SRC)
	$(VENV_BIN)/ruff format --check $(PY_SRC)

typecheck: sync ## mypy --strict on lptpb_ext, scripts and examples
	$(VENV_BIN)/mypy --strict lptpb_ext scripts examples

lint: lint-py typecheck lint-spec ## All linters (Python + spec gates)

spec-diff: sync ## Breaking-change gate vs BASE=<ref> (default: last contract-v* tag, else HEAD~1)
	$(VENV_BIN)/python scripts/spec_diff.py --spec $(SPEC) --changelog $(CHANGELOG) \
	  $(if $(BASE),--base $(BASE))

docs: sync node ## Build the site into build/site (guides, API reference, Redoc contract) and check it in Chromium
	$(VENV_BIN)/python scripts/docs.py --spec $(SPEC) --site build/site --browser --screenshot build/docs/index.png

PORT_TOOLS := $(TOOLS)/portability
PORT_STAMP := $(PORT_TOOLS)/.ci-stamp

$(PORT_STAMP): scripts/portability/requirements.txt
	$(PYTHON) -m venv $(PORT_TOOLS)
	$(PORT_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check \
	  -r scripts/portability/requirements.txt
	touch $@

portability-tools: $(PORT_STAMP) ## Pinned openapi-generator-cli and openapi-core in .tools/portability

portability: sync node portability-tools ## openapi-typescript + tsc, the openapi-generator matrix (python, typescript-fetch, go, java), openapi-core over recorded traffic
	$(VENV_BIN)/python scripts/portability/check.py --spec $(SPEC)

prism: sync node ## Prism's validating proxy before the simulator: demo + README quickstarts (minutes; not in test)
	$(VENV_BIN)/python scripts/portability/prism.py --spec $(SPEC)

format: sync ## Apply ruff fixes and formatting to hand-written code
	$(VENV_BIN)/ruff check --fix --exit-zero $(PY_SRC)  # report what is left, but still format
	$(VENV_BIN)/ruff format $(PY_SRC)

demo: sync ## Run the example flow against the simulator on 127.0.0.1 and print a transcript
	$(VENV_BIN)/python scripts/demo.py

test: lint check-generated spec-diff docs portability ## lint, check-generated, contract gates, pytest
	$(VENV_BIN)/pytest

.PHONY: bench
bench: sync ## Benchmark suite: 11 measurements side by side (~17 min on 2 cores); docs/benchmarks.md, .png, README
	$(VENV_BIN)/python scripts/bench.py

.PHONY: bench-builder
bench-builder: sync ## Benchmark the message builder and validate_body against bare pydantic
	$(VENV_BIN)/python scripts/bench_builder.py

bench-sim: sync ## Benchmark simulator throughput over loopback (one core) and the client's share
	$(VENV_BIN)/python scripts/bench_sim.py

build: sync ## Build sdist + wheel into dist/
	$(UV) build --quiet

clean: ## Remove caches and build output (keeps .tools/.venv/node_modules)
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis .generated-tmp-*
	find . -name __pycache__ -type d -not -path './.venv/*' -not -path './.tools/*' -prune -exec rm -rf {} +
