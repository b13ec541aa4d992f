#!/usr/bin/env bash
# The one entry point: setup, build, serve, test, bench.
#
#   ./build.sh serve   set up, build, serve www/ on http://127.0.0.1:8000 (PORT=... to change)
#   ./build.sh test    set up, build, run every test: Rust, wasm, browser, Spark
#   ./build.sh test-spark  the Python wheel and the Spark job in local mode (Java, pyspark)
#   ./build.sh bench   set up, build, print `bench <name> <value> <unit>` lines
#   ./build.sh setup   install what is missing, nothing more
#   ./build.sh build   release wasm + wasm-bindgen into www/pkg (+ wasm-opt -Oz)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must match the library version locked in Cargo.lock.
locked_version() {
  awk -v want="$1" '
    $0 == "name = \"" want "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

chrome_path() {
  if [ -n "${CHROME:-}" ] && [ -x "${CHROME}" ]; then echo "$CHROME"; return 0; fi
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

setup() {
  command -v cargo >/dev/null || die "cargo is missing: install the Rust toolchain (rustup)"
  command -v node >/dev/null || die "node is missing: install Node.js 20 or newer"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want=$(locked_version wasm-bindgen)
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
    # --locked pins its dependencies too; when the registry lacks one of the
    # locked versions, fall back to resolving them afresh (same CLI version).
    cargo install wasm-bindgen-cli --version "$want" --locked \
      || cargo install wasm-bindgen-cli --version "$want"
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
  if ! chrome_path >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's chromium for the browser tests"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      say "chromium not found: browser tests need /usr/bin/chromium or CHROME=/path (apt-get install chromium as root)"
    fi
  fi
}

build() {
  local target="${CARGO_TARGET_DIR:-target}" opt=""
  if [ -x node_modules/.bin/wasm-opt ]; then opt=node_modules/.bin/wasm-opt
  elif command -v wasm-opt >/dev/null; then opt=wasm-opt; fi
  rm -rf www/pkg
  # The full engine (the `pdf`, `office` and `mhtml` features: PDF, DOCX, RTF, MHTML,
  # news-database exports): the worker fetches it only when such a file is
  # dropped, so the page's first download stays small.
  say "building the full wasm engine (release)"
  cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features --features pdf,office,mhtml
  wasm_bindgen_opt "$target" parallax_full "$opt"
  say "building the wasm (release)"
  cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features
  wasm_bindgen_opt "$target" parallax "$opt"
  # The worker keeps the word vectors in cache storage under their checksum.
  node -e '
    const fs = require("fs"), crypto = require("crypto");
    const bytes = fs.readFileSync("www/model/words.bin");
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    fs.writeFileSync("www/pkg/model.json", JSON.stringify({ file: "model/words.bin", sha256, bytes: bytes.length }) + "\n");
  '
  say "www/model/words.bin: $(wc -c < www/model/words.bin) bytes, $(gzip -9c www/model/words.bin | wc -c) gzipped"
}

# wasm-bindgen the last wasm build into www/pkg as $2.js and $2_bg.wasm,
# then wasm-opt -Oz it when $3 names wasm-opt.
wasm_bindgen_opt() {
  local target="$1" name="$2" opt="$3"
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" \
    "$target/wasm32-unknown-unknown/wasm/parallax.wasm"
  if [ -n "$opt" ]; then
    say "wasm-opt -Oz ($name)"
    # --low-memory-unused: Rust's wasm32 layout keeps the stack first, so
    # nothing lives below address 1024 but the deepest end of a full stack
    # (3.3 KB gzipped saved); the producers section is metadata only.
    "$opt" -Oz --converge --low-memory-unused --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.opt.wasm"
    mv "www/pkg/${name}_bg.opt.wasm" "www/pkg/${name}_bg.wasm"
  fi
  say "www/pkg/${name}_bg.wasm: $(wc -c < "www/pkg/${name}_bg.wasm") bytes, $(gzip -9c "www/pkg/${name}_bg.wasm" | wc -c) gzipped"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the static server in the background on $1; sets SERVER_PID.
start_server() {
  node tests/e2e/serve.mjs "$1" www >/dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 50); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$1/" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "the test server did not start on port $1"
}

run_tests() {
  say "cargo test"
  cargo test --quiet
  local chrome port
  chrome=$(chrome_path) || die "no chromium for the browser tests (set CHROME=/path/to/chromium)"
  port=$(free_port)
  start_server "$port"
  trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
  say "browser tests (headless $chrome) against http://127.0.0.1:$port"
  CHROME="$chrome" BASE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 tests/e2e/
}

# The Spark job's tools, only for test-spark and the bench: Java (Debian's
# openjdk-17-jre-headless, only when java is missing), then pyspark and
# maturin, pinned in spark/requirements.txt, in .venv-spark (gitignored).
spark_setup() {
  command -v python3 >/dev/null || die "python3 is missing: the Spark test needs Python 3.9 or newer"
  if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's openjdk-17-jre-headless for the Spark test"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
      die "java is missing: the Spark test needs Java 17 (apt-get install openjdk-17-jre-headless as root)"
    fi
  fi
  if [ ! -x .venv-spark/bin/python ] || ! cmp -s spark/requirements.txt .venv-spark/requirements.txt; then
    say "installing pyspark and maturin (pinned in spark/requirements.txt) into .venv-spark"
    python3 -m venv .venv-spark
    .venv-spark/bin/pip install -q -r spark/requirements.txt
    cp spark/requirements.txt .venv-spark/requirements.txt
  fi
}

# The Python package (python/) as an abi3 wheel into $target/wheels,
# installed into .venv-spark.
wheel() {
  local target="${CARGO_TARGET_DIR:-$ROOT/target}"
  rm -rf "$target/wheels"
  say "building the Python wheel (maturin, release, abi3)"
  (cd python && CARGO_TARGET_DIR="$target" ../.venv-spark/bin/maturin build --release --locked --quiet --out "$target/wheels")
  local whl
  whl=$(ls "$target"/wheels/parallax-*.whl)
  .venv-spark/bin/pip install -q --force-reinstall --no-deps "$whl"
  say "$(basename "$whl"): $(wc -c < "$whl") bytes"
}

test_spark() {
  if [ ! -d ../shared/eval ]; then
    [ "${CI:-}" = true ] && die "test-spark: ../shared is missing, and CI=true requires it"
    say "test-spark: skipped, ../shared (the evaluation sets the corpus is made from) is not beside this checkout"
    return 0
  fi
  spark_setup
  wheel
  say "the Python binding"
  .venv-spark/bin/python python/tests/test_binding.py
  # The CLI each story is compared with: the test build `cargo test` has
  # made already (same results as release: no fast-math in Rust).
  cargo build --quiet --bin parallax
  say "Spark local[2]: the job on the evaluation corpus, each story against the CLI"
  PYSPARK_PYTHON="$ROOT/.venv-spark/bin/python" .venv-spark/bin/python spark/test_spark.py \
    "${CARGO_TARGET_DIR:-target}/debug/parallax"
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  serve)
    setup; build
    port="${PORT:-${2:-8000}}"
    say "serving www/ on http://127.0.0.1:$port (Ctrl-C to stop)"
    exec node tests/e2e/serve.mjs "$port" www
    ;;
  test) setup; build; run_tests; test_spark ;;
  test-spark) test_spark ;;
  bench)
    setup; build
    cargo build --release --quiet
    spark_setup; wheel
    exec bash bench/run.sh
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
