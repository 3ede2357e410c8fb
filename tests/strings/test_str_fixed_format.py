# Fixed-point formatting ('%.Nf', format(x, '.Nf'), '%', ',', 'z', '#') over many doubles:
# exercises weft's exact integer fast path (str_format.c wf_format_fixed_digits),
# its fallback, and round-half-even ties, against CPython's dtoa.
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state
vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-20, 5e-324, 1.7976931348623157e308, 123456789.125,
        0.045, 1.005, 2.675, 9.995, 99.5, 999999.5, 0.0005, -0.0004, 1e15, 1e16, 1e17, 9.2e18, 2**62, 2**63, 4.35]
for i in range(800):
    m = rnd() >> 11
    e = rnd() % 300 - 200
    if rnd() % 4 == 0:
        e = rnd() % 2000 - 1074
    v = m * 2.0 ** e if e < 971 else float(m)
    vals.append(v if rnd() % 2 else -v)
    e = rnd() % 40 - 20
    vals.append((rnd() % 1000000) / 997.0 * 10.0 ** e)
    vals.append(-(rnd() % 100000) / 8.0)
out = []
for v in vals:
    for p in (0, 1, 2, 3, 5, 6, 10, 15, 17, 18):
        out.append('%.*f' % (p, v))
        out.append(format(v, '.%df' % p))
    out.append('%#.0f|%+.2f|% .1f|%010.3f|%-9.2f|' % (v, v, v, v, v))
    out.append(format(v, 'z.1f') + format(v, '#.0f') + format(v, '.2%') + format(v, ',.2f') + format(v, '_>+12.3F'))
    out.append(format(v, 'f') + '%F' % v)
import sys
h = 0
for s in out:
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
print(len(out), h)
print(out[:5], out[-5:])
for v in (0.125, 0.375, 2.5, -0.0, 1e-7, 123456.789, 0.045, 1.005):
    print('%.2f %.0f %.1f' % (v, v, v), format(v, '.2f'), format(v, '+.3%'), format(v, 'z.1f'), format(v, '#.0f'))
