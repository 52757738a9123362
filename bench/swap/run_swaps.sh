#!/usr/bin/env bash
# The swap table: maps of both implementations, and of the plugin with one part changed at
# a time, trained on the same recovered states (the plugin's and the PyTorch autoencoder's),
# three map seeds each, judged by one decoder and one classifier (reference_swap.py judge).
#   bench/swap/run_swaps.sh REFERENCE_FOLDER WORK_FOLDER [training values]
# Needs Debian's python3-torch and python3-scipy, and `bench/run` having built the classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=$1; work=$2; train=${3:-1.4,2.1,2.8,3.5}
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
py() { /usr/bin/python3 bench/swap/reference_swap.py "$@" --reference "$ref"; }
jv() { java -Xmx3g -cp "$cp" org.neurodynamics.bench.ReferenceSwap "$@"; }
# the PyTorch implementation's settings, as far as the plugin's settings reach
like=$(echo --set embeddingDimension=40 --set slowBins=26 --set slowSpan=299 --set beta=0.003 --set rolloutSteps=8 --set autoencoderEpochs=40 \
 --set latentSize=4 --set stateDimension=4 --set inputNoise=0.05 --set stateNoise=0.02 --set autoencoderLearningRate=0.001 \
 --set samplesPerEpoch=0 --set mapWindowsPerEpoch=0 --set mapValidationFraction=0 --set mapCandidates=1)
declare -A variant=(
	[plugin-map]="$like --set incrementScaling=false"
	[plugin-map+weighting]="$like --set incrementScaling=true"
	[weighting,cosine-lr]="$like --set incrementScaling=true --set learningRateEnd=0.02"
	[weighting,noise-0.01,0.005]="$like --set incrementScaling=true --set inputNoise=0.01 --set stateNoise=0.005"
)
mkdir -p "$work"
[ -f "$work/traces/params.txt" ] || py traces --out "$work/traces" --train "$train"
[ -f "$work/states-plugin/params.txt" ] || jv states "$work/traces" "$work/states-plugin" $like > "$work/states-plugin.log" 2>&1
[ -f "$work/states-ref/params.txt" ] || py states --traces "$work/traces" --out "$work/states-ref" > "$work/states-ref.log" 2>&1
jobs=()
for states in plugin ref; do
	for seed in 0 1 2; do
		o="$work/orbits/ref-map/$states/$seed"
		[ -f "$o/grid.txt" ] || jobs+=("py map --states $work/states-$states --out $o --seed $seed > $o.log 2>&1; py judge --states $work/states-$states --orbits $o --label 'ref-map states=$states seed=$seed' --json $work/judge.jsonl")
		for v in "${!variant[@]}"; do
			o="$work/orbits/$v/$states/$seed"
			[ -f "$o/grid.txt" ] && continue
			[ "$states" = ref ] && [ "$v" = "weighting,noise-0.01,0.005" ] && continue
			jobs+=("jv map $work/states-$states $o ${variant[$v]} --set seed=$seed > $o.log 2>&1; py judge --states $work/states-$states --orbits $o --label '$v states=$states seed=$seed' --json $work/judge.jsonl")
		done
	done
done
export -f py jv; export ref cp
for v in ref-map "${!variant[@]}"; do mkdir -p "$work/orbits/$v/plugin" "$work/orbits/$v/ref"; done
printf '%s\n' "${jobs[@]}" | xargs -P 2 -d '\n' -I CMD bash -c CMD
