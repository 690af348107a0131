# Two set-up-free entry points (README): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench fuzz clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/yjs demo --out out/demo
	$(BIN)/yjs demo --kind 预算 --out out/demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_build.py
	$(BIN)/python tools/addin/bench_udfs.py
	$(BIN)/python tools/addin/bench_ribbon.py
	$(BIN)/python tools/bench_hostile.py

# coverage-guided fuzzing of the input parsers (atheris; hypothesis fuzzing runs in `make test`)
fuzz: $(STAMP)
	$(BIN)/pip install --quiet 'atheris>=2.3'
	$(BIN)/python tools/fuzz_atheris.py

clean:
	rm -rf $(VENV) build *.egg-info addin/*.egg-info
