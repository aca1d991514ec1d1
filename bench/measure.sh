#!/usr/bin/env bash
# Measures the GIL chapter's figures again and redraws its chart: the Rust benchmark, the CPython
# script, then the chart generator. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything is built before anything is timed, so that no compiler competes with a measurement.
# The script runs under the interpreter of the PyO3 extension's virtual environment, where
# `import hotloop` works: without it, the variants that call Rust would be left out.
python=$(cargo run -q -p book-tools --bin python-extension)
cargo build -q -p gil-bench --bin chart
cargo bench -p gil-bench --bench scaling --no-run

cargo bench -p gil-bench --bench scaling
"$python" bench/gil_scaling.py
cargo run -q -p gil-bench --bin chart
echo "measure.sh: ${SECONDS} s" >&2
