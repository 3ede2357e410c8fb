# s += t semantics when the VM may grow s in place (a uniquely referenced str):
# other references, dict keys and hashes, errors, kinds, subclasses, threads.
def f():
    s = ""
    for i in range(300):
        s += str(i)
    t = s
    s += "x"
    assert t[-1] != "x" or t.endswith("9")
    print(len(s), len(t), t is not s, s[-5:], t[-5:])
    d = {s: 1}
    s += "y"
    print(d.get(s[:-1]), hash(s) == hash(s[:-1] + "y"), s in d)
    lst = [s]
    s += "z"
    print(lst[0][-3:], s[-3:])
    s = s + "w"
    print(s[-4:])
    try:
        s += 5
    except TypeError as e:
        print("TypeError", e, s[-4:])
    u = "é"
    for i in range(50):
        u += "a"
        u += "\u00ff"
    u += "\u65e5"
    u += "\U0001f600"
    print(len(u), u[:5], u[-3:], u.encode("utf-8")[-8:])
    a = "ab"
    b = a
    a += "c"
    print(a, b)
    class S(str): pass
    x = S("q")
    x += "r"
    print(type(x).__name__, x)
    n = "k"
    n += n
    n += n
    print(n)
    return s
r = f()
print(len(r), r.count("1"))
import threading
res = []
def work(k):
    s = ""
    for i in range(2000):
        s += chr(65 + (i + k) % 26)
    res.append(len(s))
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res))
