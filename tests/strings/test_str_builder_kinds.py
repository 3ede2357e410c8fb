# str results built piece by piece across kinds (ASCII -> Latin-1 -> UCS-2 -> UCS-4):
# format, %, f-strings, join, case mapping, padding, +=, replace, repr, codecs, str subclasses.
pieces = ['a', 'bc', '\xe9', '\xff\x80', '\u0100', '\u65e5\u672c', '\U0001f600', '', 'x' * 40, '\xe9' * 33, '\u3042' * 20]
out = []
for i, p in enumerate(pieces):
    for j, q in enumerate(pieces):
        for k, r in enumerate(pieces):
            out.append('{}{}{}'.format(p, q, r))
            out.append('%s|%s|%s' % (p, q, r))
            out.append(f'{p}{q!r}{r:>5}')
            out.append('-'.join([p, q, r]))
            out.append((p + q + r).upper() + (p + q + r).swapcase().title())
            out.append(format(p + q, '\xe9^12') + format(r, '*<3'))
            s = p
            s += q
            s += r
            out.append(s)
            out.append((p + q).replace(q[:1] or 'z', r))
            out.append(repr(p + q + r) + ascii(r))
            out.append(str(len((p + q + r).encode('utf-8'))) + (p + q + r).encode('utf-16').decode('utf-16'))
class S(str):
    pass
for p in pieces:
    t = S(p)
    out.append(t + '|' + str(type(t).__name__) + t.upper() + str(len(t)) + str(t == p) + str(hash(t) == hash(p)))
    out.append(S(p * 3)[1:] + S('\U0001f600' + p)[1:])
h = 0
for s in out:
    for ch in s:
        h = (h * 1000003 + ord(ch)) % (1 << 61)
print(len(out), h)
print(out[123], out[-1])
