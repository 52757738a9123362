#!/usr/bin/env bash
# The PyTorch implementation of the method on the three random eight-current draws of
# ReconstructionBenchmark hr8-random (values rounded to 3 decimals), with the settings of its
# 13-of-16 run on the step family 1.3, 1.65, ..., 3.75 (bench/results/random-draws-2026-12-07.md).
#   bench/random/reference_draws.sh REFERENCE_FOLDER WORK_FOLDER SEED...
# Needs Debian's python3-torch and python3-scipy. Prints one line per run: draw, seed, held-out
# regime classes right of 16 (the implementation's own fixed-threshold classifier).
set -euo pipefail
ref=$1; work=$2; shift 2
export OMP_NUM_THREADS=1 REF_CACHE="$work/cache"
mkdir -p "$work"
draws=(1.469,1.781,2.093,2.404,2.716,3.028,3.34,3.652
	1.352,1.69,2.028,2.366,2.704,3.041,3.379,3.717
	1.442,1.777,2.112,2.447,2.781,3.116,3.451,3.786)
for seed in "$@"; do for d in 0 1 2; do
	log="$work/log-d${d}s${seed}.txt"
	/usr/bin/python3 "$ref/ref_pipeline.py" --model hr --train-p "${draws[$d]}" --grid 1.2:4.0:16 \
		--de 40 --coarse-bins 26 --coarse-width 10 --latent 4 --beta 0.003 --vae-epochs 40 --map-epochs 40 \
		--map-noise 0.05 --rollout 8 --rollout-noise 0.02 --t-train 4000 --seed "$seed" \
		--json "$work/d${d}s${seed}.json" > "$log" 2>&1
	python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['rows']; print(sys.argv[2], sys.argv[3], sum(x['same'] for x in r), 'of', len(r))" \
		"$work/d${d}s${seed}.json" "$d" "$seed"
done; done
