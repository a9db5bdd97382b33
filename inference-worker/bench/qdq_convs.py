"""The "selective INT8" form of an exported MSMLA, for measuring its speed (docs/benchmarks.md,
"CPU inference: what was tried"): batch norms folded into their convolutions, then QDQ nodes around
the convolutions only (activations uint8 per tensor, weights int8 per output channel, biases int32),
so that ONNX Runtime runs them as QLinearConv on VNNI while attention, pooling and the residual
sums stay float32. The CBAM spatial-attention convolutions (one output channel) stay float32 with
"skip7". Activation ranges are placeholders ([-4, 4], [0, 4] after a ReLU) unless a JSON file of
{tensor: [lo, hi]} is given: the speed does not depend on them, the agreement does.

Usage: /usr/bin/python3 qdq_convs.py MODEL.onnx OUT.onnx [skip7|all] [RANGES.json]
Then: ./lcz inference-benchmark MODEL.onnx OUT.onnx (both in one run)."""
import collections
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto
from onnx import helper as h
from onnx import numpy_helper as nh

src, dst = sys.argv[1], sys.argv[2]
skip7 = len(sys.argv) > 3 and sys.argv[3] == 'skip7'
ranges = json.load(open(sys.argv[4])) if len(sys.argv) > 4 else {}
m = onnx.load(src); g = m.graph
init = {i.name: i for i in g.initializer}
arr = lambda n: nh.to_array(init[n])
cons = {}
for n in g.node:
    for i in n.input: cons.setdefault(i, []).append(n)
nodes = list(g.node)
# fold BN
removed = set()
for n in nodes:
    if n.op_type != 'Conv': continue
    c = cons.get(n.output[0], [])
    if len(c) == 1 and c[0].op_type == 'BatchNormalization':
        bn = c[0]; eps = [a.f for a in bn.attribute if a.name == 'epsilon'][0]
        gam, bet, mu, var = (arr(x) for x in bn.input[1:5])
        w = arr(n.input[1]); b = arr(n.input[2]) if len(n.input) > 2 else np.zeros(w.shape[0], np.float32)
        s = gam / np.sqrt(var + eps)
        w2 = (w * s[:, None, None, None]).astype(np.float32); b2 = ((b - mu) * s + bet).astype(np.float32)
        init[n.input[1]].CopyFrom(nh.from_array(w2, n.input[1]))
        bname = n.output[0] + '_bias'
        g.initializer.append(nh.from_array(b2, bname)); init[bname] = g.initializer[-1]
        while len(n.input) > 2: n.input.pop()
        n.input.append(bname)
        out = bn.output[0]; n.output[0] = out
        removed.add(id(bn))
newnodes = [n for n in g.node if id(n) not in removed]
del g.node[:]; g.node.extend(newnodes)
cons = {}
for n in g.node:
    for i in n.input: cons.setdefault(i, []).append(n)
prod = {o: n for n in g.node for o in n.output}
added_q = {}
pre = {}  # node id -> list of nodes to insert before
post = {}
def scalar(name, v, dt):
    t = h.make_tensor(name, dt, [], [v]); g.initializer.append(t); return name
def qdq_act(x, unsigned_relu=False):
    if x in added_q: return added_q[x]
    lo, hi = ranges.get(x, (0.0 if unsigned_relu else -4.0, 4.0))
    lo = min(lo, 0.0); hi = max(hi, 0.0)
    sc = max((hi - lo) / 255.0, 1e-8); zp = int(round(-lo / sc)); zp = max(0, min(255, zp))
    s = scalar(x + '_s', sc, TensorProto.FLOAT); z = scalar(x + '_z', zp, TensorProto.UINT8)
    q = h.make_node('QuantizeLinear', [x, s, z], [x + '_q'], name=x + '_Q')
    d = h.make_node('DequantizeLinear', [x + '_q', s, z], [x + '_dq'], name=x + '_DQ')
    added_q[x] = (x + '_dq', sc, [q, d]); return added_q[x]
extra_after = {}  # output name -> nodes to insert after producer
for n in list(g.node):
    if n.op_type != 'Conv': continue
    w = arr(n.input[1])
    if skip7 and w.shape[0] == 1: continue
    x = n.input[0]
    if x.endswith('_dq'):
        xs = added_q[x[:-3]][1]
    else:
        xr = prod.get(x)
        xdq, xs, qn = qdq_act(x, xr is not None and xr.op_type == 'Relu')
        extra_after.setdefault(x, [])
        if qn[0] not in extra_after[x]: extra_after[x] += qn
        n.input[0] = xdq
    ws = np.maximum(np.abs(w).reshape(w.shape[0], -1).max(1), 1e-8) / 127.0
    wq = np.clip(np.round(w / ws[:, None, None, None]), -127, 127).astype(np.int8)
    wn = n.input[1]
    g.initializer.append(nh.from_array(wq, wn + '_q'))
    g.initializer.append(nh.from_array(ws.astype(np.float32), wn + '_ws'))
    g.initializer.append(nh.from_array(np.zeros(w.shape[0], np.int8), wn + '_wz'))
    dw = h.make_node('DequantizeLinear', [wn + '_q', wn + '_ws', wn + '_wz'], [wn + '_dq'], name=wn + '_DQ', axis=0)
    n.input[1] = wn + '_dq'
    pre.setdefault(id(n), []).append(dw)
    if len(n.input) > 2:
        b = arr(n.input[2]); bs = (xs * ws).astype(np.float32)
        bq = np.round(b / bs).astype(np.int32); bn_ = n.input[2]
        g.initializer.append(nh.from_array(bq, bn_ + '_q'))
        g.initializer.append(nh.from_array(bs, bn_ + '_bs'))
        g.initializer.append(nh.from_array(np.zeros(w.shape[0], np.int32), bn_ + '_bz'))
        db = h.make_node('DequantizeLinear', [bn_ + '_q', bn_ + '_bs', bn_ + '_bz'], [bn_ + '_dq'], name=bn_ + '_DQ', axis=0)
        n.input[2] = bn_ + '_dq'; pre[id(n)].append(db)
    # output Q: after Relu if the only consumer is Relu, else after Conv
    c = cons.get(n.output[0], [])
    if len(c) == 1 and c[0].op_type == 'Relu':
        y = c[0].output[0]; ydq, _, qn2 = qdq_act(y, True)
    else:
        y = n.output[0]; ydq, _, qn2 = qdq_act(y)
    if qn2[0] not in extra_after.setdefault(y, []): extra_after[y].extend(qn2)
    for cn in g.node:
        for i, inp in enumerate(cn.input):
            if inp == y and cn.name != y + '_Q': cn.input[i] = ydq
# rebuild order
out = []
inserted_input = extra_after.get('input', [])
out += inserted_input
for n in g.node:
    out += pre.get(id(n), [])
    out.append(n)
    for o in n.output:
        out += [e for e in extra_after.get(o, [])]
del g.node[:]; g.node.extend(out)
# remove unused initializers
used = {i for n in g.node for i in n.input}
keep = [i for i in g.initializer if i.name in used]
del g.initializer[:]; g.initializer.extend(keep)
onnx.checker.check_model(m)
onnx.save(m, dst)
print(dict(collections.Counter(n.op_type for n in g.node)))
