#!/usr/bin/env python3
"""PyTorch's figures for the shapes `backprop-studio bench` measures, for a side-by-side table.

Same networks and batches as engine/.../bench/StepBenchmark.java: xor 2-2-1 sigmoid + mse on the
four rows (full batch, SGD lr 2), MLP 784-128-10 relu + softmax/cross-entropy at batch 64 on one
random batch (SGD lr 0.01); the char-LSTM (65 characters one-hot, nn.LSTM 128 units, a
linear layer + softmax over the 65 characters at each of 64 steps, cross-entropy summed over
the steps and averaged over the batch of 32, SGD lr 0.1); every step is forward, backward and
update; and LeNet-5 (the engine's `lenet` preset) at batch 64, SGD lr 0.01. Plus sgemm 1024^3.
Two threads, as the issue's comparison. Prints a table, or one JSON object per line (--json).
Exits 0 with a note where torch is not installed (apt-get install python3-torch).

    python3 bench/torch_reference.py [--seconds S] [--threads N] [--json]
"""
import argparse
import json
import sys
import time


def measure(step, seconds):
    """Warm up for a quarter of the time, then count steps until the clock passes `seconds`."""
    for budget in (seconds / 4, seconds):
        start = time.perf_counter()
        steps = 0
        while True:
            step()
            steps += 1
            now = time.perf_counter()
            if now - start >= budget:
                break
    return steps, now - start


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--gemm-size", type=int, default=1024)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    try:
        import torch
    except ImportError:
        print("torch_reference: skipped, PyTorch is not installed (apt-get install -y python3-torch)")
        return 0
    torch.set_num_threads(a.threads)
    torch.manual_seed(1234)
    rows = []

    n = a.gemm_size
    x, y = torch.rand(n, n) - 0.5, torch.rand(n, n) - 0.5
    torch.mm(x, y)
    calls, secs = measure(lambda: torch.mm(x, y), a.seconds)
    rows.append({"backend": "torch", "name": "gemm-%d" % n, "gflops": 2.0 * n ** 3 * calls / secs / 1e9})

    def workload(name, net, loss_fn, xb, yb, lr):
        opt = torch.optim.SGD(net.parameters(), lr=lr)

        def step():
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
        steps, secs = measure(step, a.seconds)
        rows.append({"backend": "torch", "name": name, "batch": xb.shape[0], "recording": False,
                     "steps": steps, "seconds": secs, "stepsPerSecond": steps / secs})

    nn = torch.nn
    xor_x = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
    xor_y = torch.tensor([[0.], [1.], [1.], [0.]])
    # The engine's mse is (1/N) sum 1/2 ||y - f||^2: half of torch's mean over one output.
    workload("xor", nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1), nn.Sigmoid()),
             lambda f, t: 0.5 * ((t - f) ** 2).mean(), xor_x, xor_y, 2.0)
    mlp_x = torch.rand(64, 784)
    mlp_y = torch.randint(0, 10, (64,))
    # Softmax + cross-entropy on probabilities, as the engine computes it (not the fused log-softmax).
    workload("mlp-784-128-10", nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1)),
             lambda p, t: -torch.log(p.gather(1, t[:, None]).clamp_min(1e-7)).mean(), mlp_x, mlp_y, 0.01)

    class CharLstm(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(65, 128, batch_first=True)
            self.out = nn.Linear(128, 65)

        def forward(self, x):
            h, _ = self.lstm(x)
            return torch.softmax(self.out(h), dim=2)

    chars = torch.randint(0, 65, (32, 64))
    lstm_x = torch.nn.functional.one_hot(chars, 65).float()
    lstm_y = torch.randint(0, 65, (32, 64))
    # Summed over the 64 steps, averaged over the 32 sequences: the engine's sequence loss.
    workload("char-lstm", CharLstm(),
             lambda p, t: -torch.log(p.gather(2, t[:, :, None]).clamp_min(1e-7)).sum() / p.shape[0], lstm_x, lstm_y, 0.1)

    # LeNet-5 as the `lenet` preset: 28x28 digits, batch 64 (random pixels: speed does not depend on them).
    lenet = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                          nn.Linear(84, 10), nn.Softmax(dim=1))
    workload("lenet", lenet, lambda p, t: -torch.log(p.gather(1, t[:, None]).clamp_min(1e-7)).mean(),
             torch.rand(64, 1, 28, 28), torch.randint(0, 10, (64,)), 0.01)

    if a.json:
        for r in rows:
            print(json.dumps(r))
    else:
        print("torch %s, %d threads (torch.get_num_threads() = %d)" % (torch.__version__, a.threads, torch.get_num_threads()))
        for r in rows:
            if "gflops" in r:
                print("%-16s %10.1f GFLOP/s" % (r["name"], r["gflops"]))
            else:
                print("%-16s %10.1f steps/s (batch %d)" % (r["name"], r["stepsPerSecond"], r["batch"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
