#!/usr/bin/env bash
# The swap with the plugin's current defaults (bench/results/swap-8-currents-2026-12-07.md):
# recovered states of the PyTorch autoencoder and of the plugin's with its defaults and with one
# part of the PyTorch side's settings at a time; the PyTorch map and the plugin's default map on
# them; then full plugin reconstructions (autoencoder seed = map seed) with and without one state
# coordinate beyond the dimension analysis's reading, all judged by reference_swap.py judge.
#   bench/swap/run_swaps_defaults.sh REFERENCE_FOLDER WORK_FOLDER [training values] [map seeds]
# Needs Debian's python3-torch and python3-scipy, and the bench classpath
# (mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test).
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=$1; work=$2; train=${3:-1.3,1.65,2.0,2.35,2.7,3.05,3.4,3.75}; seeds=${4:-0 1 2}
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
export OMP_NUM_THREADS=1
py() { /usr/bin/python3 bench/swap/reference_swap.py "$@" --reference "$ref"; }
jv() { java -Xmx3g -XX:ActiveProcessorCount=1 -cp "$cp" org.neurodynamics.bench.ReferenceSwap "$@"; }
window="--set embeddingDimension=40 --set slowBins=26 --set slowSpan=299"
ae="--set beta=0.003 --set autoencoderEpochs=40 --set autoencoderLearningRate=0.001 --set samplesPerEpoch=0"
declare -A states=(
	[default]="--set stateDimensionMargin=0"
	[win]="--set stateDimensionMargin=0 $window"
	[ae]="--set stateDimensionMargin=0 $ae"
	[dim4]="--set stateDimension=4"
	[like]="$window $ae --set latentSize=4 --set stateDimension=4"
)
mkdir -p "$work"
[ -f "$work/traces/params.txt" ] || py traces --out "$work/traces" --train "$train"
[ -f "$work/states-ref/params.txt" ] || py states --traces "$work/traces" --out "$work/states-ref" > "$work/states-ref.log" 2>&1
for s in "${!states[@]}"; do
	[ -f "$work/states-$s/params.txt" ] || jv states "$work/traces" "$work/states-$s" ${states[$s]} > "$work/states-$s.log" 2>&1
done
# full reconstructions: autoencoder and map seed k, the analysis's reading (m0) or one coordinate more (m1)
for k in $seeds; do for m in 0 1; do
	[ -f "$work/states-m$m-s$k/params.txt" ] || jv states "$work/traces" "$work/states-m$m-s$k" --set stateDimensionMargin=$m --set seed=$k > "$work/states-m$m-s$k.log" 2>&1
done; done
jobs=()
judge() { echo "py judge --states $work/states-$2 --orbits $work/orbits/$1/$2/$3 --label '$1 states=$2 seed=$3' --json $work/judge.jsonl"; }
for seed in $seeds; do
	for s in ref default win ae dim4 like; do
		o="$work/orbits/ref-map/$s/$seed"
		[ -f "$o/grid.txt" ] || jobs+=("py map --states $work/states-$s --out $o --seed $seed > $o.log 2>&1; $(judge ref-map $s $seed)")
	done
	for s in default "m0-s$seed" "m1-s$seed"; do
		o="$work/orbits/default/$s/$seed"
		[ -f "$o/grid.txt" ] || jobs+=("jv map $work/states-$s $o --set seed=$seed > $o.log 2>&1; $(judge default $s $seed)")
	done
	o="$work/orbits/rollout-8/default/$seed"
	[ -f "$o/grid.txt" ] || jobs+=("jv map $work/states-default $o --set rolloutSteps=8 --set seed=$seed > $o.log 2>&1; $(judge rollout-8 default $seed)")
done
export -f py jv; export ref cp
for m in ref-map default rollout-8; do for s in ref default win ae dim4 like m0-s0 m0-s1 m0-s2 m1-s0 m1-s1 m1-s2; do mkdir -p "$work/orbits/$m/$s"; done; done
printf '%s\n' "${jobs[@]}" | xargs -P 2 -d '\n' -I CMD bash -c CMD
