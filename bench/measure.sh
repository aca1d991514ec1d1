#!/usr/bin/env bash
# Measures the GIL chapter's figures again and redraws its chart: the Rust benchmark, the CPython
# script, then the chart generator. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p gil-bench --bench scaling
python3 bench/gil_scaling.py
cargo run -p gil-bench --bin chart
