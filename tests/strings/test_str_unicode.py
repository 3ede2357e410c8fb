# Covers non-ASCII text: len, indexing, slicing, iteration, case mapping, find, encode, comparisons.
s = "héllo wörld ✓ 日本語"
print(s, len(s), s[1], s[-1], s[-3:], s[6:11], s[::-1], s[::3])
print([c for c in s if ord(c) > 127], [ord(c) for c in s[:3]])
print(s.upper(), s.title(), s.capitalize(), s.swapcase())
print(s.find("ö"), s.find("日本"), s.index("✓"), s.count("l"), "本" in s, "x" in s)
print(s.split(), s.replace("ö", "oe"), s.encode("utf-8"), len(s.encode("utf-8")))
print(s.encode("utf-8").decode("utf-8") == s, s.startswith("hé"), s.endswith("語"))
t = "Straße ÀÉÎÕÜ àéîõü ǅ Σίσυφος"
print(t.upper(), t.lower(), t.casefold(), t.title(), t.swapcase())
print(len(t), len(t.upper()), t.isalpha(), "ß".upper(), "ß".casefold(), "ǅ".lower(), "ǅ".upper())
print("日本語".center(9, "*"), "日本語".ljust(5, "-"), "✓".rjust(3), "é".zfill(4))
emoji = "a😀b"
print(len(emoji), emoji[1], emoji[2], ord(emoji[1]), emoji.encode("utf-8"), repr(emoji))
print(sorted("日本語abc"), min("héllo"), max("héllo"), "é" > "z", "日" > "é")
mix = "ab\u00e9\u65e5"
print(mix, len(mix), mix == "abé日", mix + "!", mix * 2, mix.index("日"))
print("ÉCOLE".lower(), "école".upper(), "Ωmega".lower(), "İ".lower() == "i̇", len("İ".lower()))
print("ﬁ".upper(), "½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal(), "٣".isdecimal())
print(" \u3000x\u3000 ".strip(), "a\u2028b".splitlines(), "x\u00a0y".split())
