#!/usr/bin/env bash
# The bench: prints one line per figure, `bench <name> <value> <unit>`.
# Called by `./build.sh bench` after the release CLI and the wasm are built.
# Timings are medians of several runs; nothing here is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=bench/out
CLI=target/release/parallax
SHARED=../shared
RUNS=${RUNS:-5}
mkdir -p "$OUT"

[ -d "$SHARED/eval" ] || { echo "bench: ../shared is needed for the bench corpora" >&2; exit 1; }

# Corpora: the seeds, the example, all of ECB+ as one corpus, and scale corpora.
python3 bench/make_corpus.py 1000 "$OUT/scale-1000"
python3 bench/make_corpus.py 4000 "$OUT/scale-4000"
rm -rf "$OUT/ecbplus" && mkdir -p "$OUT/ecbplus"
for d in "$SHARED"/eval/ecbplus/ecbplus_t*; do
  for f in "$d"/*.txt; do cp "$f" "$OUT/ecbplus/$(basename "$d")_$(basename "$f")"; done
done

median_seconds() { # command... ; prints the median wall time of $RUNS runs
  python3 - "$RUNS" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
print(f"{statistics.median(times):.3f}")
PY
}

declare -A CORPUS=(
  [seeds]="$SHARED/seeds"
  [example]="www/example"
  [ecbplus]="$OUT/ecbplus"
  [scale1000]="$OUT/scale-1000"
  [scale4000]="$OUT/scale-4000"
)
for name in seeds example ecbplus scale1000 scale4000; do
  dir=${CORPUS[$name]}
  one=$(median_seconds "$CLI" analyze --format json --threads 1 "$dir")
  all=$(median_seconds "$CLI" analyze --format json "$dir")
  echo "bench native_${name}_1thread $one s"
  echo "bench native_${name}_all_threads $all s"
  if [ "$name" = scale1000 ]; then N1=$all; fi
  if [ "$name" = scale4000 ]; then N4=$all; fi
done
python3 -c "print(f'bench native_scaling_4000_over_1000 {float(\"$N4\")/float(\"$N1\"):.2f} x')"

# Story grouping alone (one thread): from its stage's start to the next's.
for name in scale1000 scale4000; do
  PARALLAX_TIMING=1 "$CLI" analyze --format json --threads 1 "${CORPUS[$name]}" 2>&1 >/dev/null \
    | awk -v n="$name" '/grouping stories/ {t=$2; next} t != "" && s == "" {s=$2-t; print "bench native_" n "_grouping_stories_1thread " sprintf("%.3f", s) " s"}'
  "$CLI" analyze --threads 1 "${CORPUS[$name]}" 2>/dev/null \
    | awk -v n="$name" '/^[0-9]+ stor(y|ies):/ {print "bench native_" n "_stories " $1 " stories"; exit}'
done

# Alignment quality on ECB+ (a relative figure: the gold is loose).
cargo test --release --quiet --test ecbplus_eval -- --nocapture 2>&1 | grep '^ecb+' \
  | sed -E 's/.*precision ([0-9.]+), recall ([0-9.]+), F1 ([0-9.]+).*/bench ecbplus_align_precision \1 ratio\nbench ecbplus_align_recall \2 ratio\nbench ecbplus_align_f1 \3 ratio/'

# Sizes.
wasm=www/pkg/parallax_bg.wasm
echo "bench wasm_size $(wc -c < "$wasm") bytes"
echo "bench wasm_size_gzip $(gzip -9c "$wasm" | wc -c) bytes"
words=www/model/words.bin
echo "bench word_vectors_size $(wc -c < "$words") bytes"
echo "bench word_vectors_size_gzip $(gzip -9c "$words" | wc -c) bytes"
# What a first visit downloads: the page's own files, gzipped as a server would send them.
first=0
for f in www/index.html www/style.css www/worker.js www/js/*.js www/js/views/*.js www/pkg/*.js www/pkg/*.json "$wasm" "$words"; do
  first=$((first + $(gzip -9c "$f" | wc -c)))
done
echo "bench first_visit_gzip $first bytes"

# Wasm in headless Chromium, through the worker.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node tests/e2e/serve.mjs "$port" www >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 0.5
base="http://127.0.0.1:$port"
node bench/wasm.mjs "$base" page "$SHARED/seeds" 1 | grep page_ready
for name in seeds example ecbplus scale1000 scale4000; do
  runs=$RUNS; [ "$name" = scale4000 ] && runs=3
  node bench/wasm.mjs "$base" "$name" "${CORPUS[$name]}" "$runs"
done | tee "$OUT/wasm.txt"
W1=$(awk '$2 == "wasm_scale1000_ms" {print $3}' "$OUT/wasm.txt")
W4=$(awk '$2 == "wasm_scale4000_ms" {print $3}' "$OUT/wasm.txt")
python3 -c "print(f'bench wasm_scaling_4000_over_1000 {$W4/$W1:.2f} x')"
node bench/longtasks.mjs "$base" "$OUT/scale-1000"
node bench/export_drop.mjs "$base" 3

# The baseline, in a virtual environment of its own.
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet -r bench/requirements.txt
fi
read -r base_s sentences pairs < <(.venv/bin/python bench/baseline.py "$OUT/scale-1000")
echo "bench baseline_scale1000 $base_s s"
ours=$(median_seconds "$CLI" analyze --format json "$OUT/scale-1000")
python3 -c "print(f'bench baseline_over_native_all_threads {$base_s/$ours:.1f} x')"
python3 -c "print(f'bench baseline_over_wasm {$base_s*1000/$W1:.1f} x')"

# Spark (issue #20): the job in local[2] on the evaluation corpus, beside
# the CLI on the same files; stages' shares, cost per stage, story B-cubed.
PYSPARK_PYTHON="$ROOT/.venv-spark/bin/python" .venv-spark/bin/python spark/bench_spark.py "$CLI" "$OUT/spark"
