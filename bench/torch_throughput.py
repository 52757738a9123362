#!/usr/bin/env python3
"""PyTorch reference for NetworkThroughputBenchmark: the same networks, shapes, batch
sizes and epochs on random data.

Run with the system Python (Debian package python3-torch):
    /usr/bin/python3 bench/torch_throughput.py [threads ...]
"""
import sys
import time

import torch
import torch.nn as nn

DE, LATENT, BATCH, MAP_D = 40, 8, 256, 3


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def vae_throughput():
    """VAE De 40 -> 256 -> 128 -> 2x8, decoder mirror; MSE + beta KL; Adam; 3 epochs of 25600 rows."""
    torch.manual_seed(0)
    data = torch.randn(25600, DE)
    enc, dec = mlp([DE, 256, 128, 2 * LATENT]), mlp([LATENT, 128, 256, DE])
    opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=1e-3)
    beta = 0.01

    def epoch():
        perm = torch.randperm(data.shape[0])
        for i in range(0, data.shape[0], BATCH):
            x = data[perm[i:i + BATCH]]
            out = enc(x)
            mu, lv = out[:, :LATENT], out[:, LATENT:]
            z = mu + torch.exp(0.5 * lv) * torch.randn_like(mu)
            xh = dec(z)
            kl = 0.5 * (mu * mu + lv.exp() - 1 - lv)
            loss = ((xh - x) ** 2).mean() + beta * kl.sum(1).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            # per-coordinate KL and mean statistics, as the Java code records them
            with torch.no_grad():
                kl.sum(0), mu.sum(0), (mu * mu).sum(0)
        return data.shape[0]

    epoch()  # warm-up
    t0 = time.perf_counter()
    n = sum(epoch() for _ in range(3))
    return n / (time.perf_counter() - t0)


def sequences(count, length):
    g = torch.Generator().manual_seed(2)
    seqs = []
    for _ in range(count):
        u = torch.zeros(length, MAP_D)
        for t in range(1, length):
            u[t] = 0.99 * u[t - 1] + 0.1 * torch.randn(MAP_D, generator=g)
        seqs.append(u)
    return seqs


def map_throughput(rollout):
    """Map 3x128 tanh on (u, p), increment form, input noise 0.05, state noise 0.02; one epoch."""
    torch.manual_seed(0)
    seqs = sequences(4, 6000)
    k = rollout
    starts = []
    states = []
    params = []
    for s, u in enumerate(seqs):
        n_train = u.shape[0] - round(0.1 * u.shape[0])
        for t in range(0, n_train - k):
            starts.append((s, t))
    stacked = torch.stack(seqs)  # (seq, time, d)
    seq_idx = torch.tensor([s for s, _ in starts])
    t_idx = torch.tensor([t for _, t in starts])
    p_all = torch.arange(len(seqs), dtype=torch.float32)
    net = mlp([MAP_D + 1, 128, 128, 128, MAP_D])
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)

    def epoch(limit=None):
        perm = torch.randperm(len(starts))
        if limit:
            perm = perm[:limit]
        for i in range(0, perm.shape[0], BATCH):
            b = perm[i:i + BATCH]
            si, ti = seq_idx[b], t_idx[b]
            target = torch.stack([stacked[si, ti + j] for j in range(k + 1)])  # (k+1, n, d)
            p = p_all[si].unsqueeze(1)
            s = target[0] + 0.05 * torch.randn_like(target[0])
            loss = 0
            for j in range(k):
                s = s + net(torch.cat([s, p], 1))
                loss = loss + ((s - target[j + 1]) ** 2).mean()
                if j + 1 < k:
                    s = s + 0.02 * torch.randn_like(s)
            loss = loss / k
            opt.zero_grad()
            loss.backward()
            opt.step()
        return perm.shape[0]

    epoch(2560)  # warm-up
    t0 = time.perf_counter()
    n = epoch()
    return n / (time.perf_counter() - t0)


def iterate_throughput():
    torch.manual_seed(0)
    net = mlp([MAP_D + 1, 128, 128, 128, MAP_D])
    n, steps = 200, 5000
    u = 0.1 * torch.rand(n, MAP_D)
    p = torch.linspace(0, 1, n).unsqueeze(1)
    with torch.no_grad():
        for _ in range(200):
            u = u + net(torch.cat([u, p], 1))
        t0 = time.perf_counter()
        for _ in range(steps):
            u = u + net(torch.cat([u, p], 1))
        s = time.perf_counter() - t0
    return n * steps / s


def main():
    threads = [int(a) for a in sys.argv[1:]] or [1, 2]
    print("torch", torch.__version__)
    for t in threads:
        torch.set_num_threads(t)
        print("threads", t)
        print("  VAE training (samples/s)                          %.0f" % vae_throughput())
        print("  Map training, rollout 8 (windows/s)               %.0f" % map_throughput(8))
        print("  Map training, rollout 1 (windows/s)               %.0f" % map_throughput(1))
        print("  Map iteration, batch 200 x 5000 steps (steps/s)   %.0f" % iterate_throughput())


if __name__ == "__main__":
    main()
