#!/usr/bin/python3
"""Formats a bench/run.sh output folder (speed.csv, extras.txt, machine.txt) as Markdown."""
import csv
import os
import sys


def main():
    out = sys.argv[1]
    print("### Machine\n")
    print("```")
    print(open(os.path.join(out, "machine.txt")).read().rstrip())
    print("```\n")
    path = os.path.join(out, "speed.csv")
    if os.path.exists(path):
        rows = list(csv.DictReader(open(path)))
        print("### Speed (median ms/step, 1 training step = forward + loss + backward + grad norm + Adam)\n")
        print("| arch | L | d | seq | norm | thr | engine ms | torch ms | engine/torch | engine tok/s | torch tok/s "
              "| engine GFLOP/s (% peak) | torch GFLOP/s (% peak) | load1 |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        ratios = {}
        for r in rows:
            em, tm = float(r["engine_ms"]), float(r["torch_ms"])
            fl, peak = float(r["flops_per_step"]), float(r["peak_gflops"])
            tokens = int(r["batch"]) * int(r["seq"])
            eg, tg = fl / em / 1e6, fl / tm / 1e6
            ratios.setdefault(r["threads"], []).append(em / tm)
            arch = "dec" if r["arch"] == "decoder-only" else "enc-dec"
            print(f"| {arch} | {r['layers']} | {r['d']} | {r['seq']} | {r['norm']} | {r['threads']} "
                  f"| {em:.1f} | {tm:.1f} | **{em / tm:.2f}** | {tokens / em * 1000:,.0f} | {tokens / tm * 1000:,.0f} "
                  f"| {eg:.1f} ({100 * eg / peak:.0f}%) | {tg:.1f} ({100 * tg / peak:.0f}%) | {r['load1']} |")
        print()
        for t, rs in sorted(ratios.items()):
            rs = sorted(rs)
            print(f"- {t} thread(s): engine/torch ratio median {rs[len(rs) // 2]:.2f}, "
                  f"range {rs[0]:.2f}-{rs[-1]:.2f} over {len(rs)} configs")
        print()
    path = os.path.join(out, "extras.txt")
    if os.path.exists(path):
        print("### Probes, memory, amplify\n")
        for line in open(path):
            if line.strip():
                print("- " + line.strip())
        print()


if __name__ == "__main__":
    main()
