# Covers more str methods: translate/maketrans, removeprefix/suffix, expandtabs, zfill, format_map, encode variants, iteration, subclassing.
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1", 98: None}))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "x".removeprefix("xx"), "abc".removesuffix(""))
print("{a} and {b}".format_map({"a": 1, "b": [2]}), "%(x)s" % {"x": "y"})
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {zz}".format_map(D(a=1)))
print("ab\u00e9".encode("utf-16"), "ab".encode("utf-16-le"), "ab".encode("utf-32-be"), b"\xff\xfea\x00".decode("utf-16"))
print("é".encode("ascii", "xmlcharrefreplace"), "é✓".encode("ascii", "backslashreplace"), "\udcff".encode("utf-8", "surrogateescape"))
print(b"a\xffb".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"), b"\xff".decode("ascii", "replace"))
print(b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800", "\ud800".encode("utf-8", "surrogatepass"))
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hey")
print(s, repr(s), s.shout(), type(s + "x").__name__, type(s[0:2]).__name__, isinstance(s, str), s == "hey", hash(s) == hash("hey"))
print(str(b"abc"), str(1.5), str(None), str(), str("x", "utf-8") if False else "", str(b"\xc3\xa9", encoding="utf-8"))
print(list(map(ord, "héllo")), "".join(sorted("banana")), "-".join(iter("abc")), max("abc"), "a" in "cat")
print("Ab Cd".swapcase(), "ǅ".istitle(), "ǆ".title(), "ŉ".upper(), "ﬃ".upper(), "ﬃ".title(), "ΣΑΣ".lower(), "ΣΑΣ Σ".lower())
print("x".center(6, "é"), "日".ljust(3, "本"), "-3".zfill(5), "+3".zfill(1), "3".zfill(0), "\t".expandtabs(-1) == "")
print("a\tb".expandtabs(tabsize=4), "abc".find("c", -1), "abc".rfind("", 1), "abc".count("", 5), "aaa".rindex("a", 0, 2))
print("1,000".isdigit(), "Ⅻ".isnumeric(), "Ⅻ".isdigit(), "𝟘".isdecimal(), "١٢".isdigit(), "ab".isascii(), "é".isascii(), "\x85".isspace())
print("a\u0301".isalpha(), "\u0301".isalpha(), "x\u200by".isprintable(), "\x7f".isprintable(), "".isprintable(), "ǅ".isupper())
print("%5.1f%%" % 99.44, "%-6s|" % "ab", "%+.3e" % -1234.5, "%#o %#x %#X" % (0, 0, 0), "%c" % "é", "%r" % "é", "%a" % "é")
print("{:,.2f}".format(1234567.891), "{:_}".format(10**12), "{:>10.3s}".format("abcdef"), "{:=^11}".format(" x "), "{:08.3e}".format(-1.5))
print(f"{1e300*10:f} {float('nan'):>6} {-float('inf'):+} {3:,} {0.000001:g} {123456789:e} {1234.5:n} {255:#_b}")
print(format(12345678901234567890, ","), format(-12345678901234567890, "_x"), format(2**64, "#o"), format(10**20, ".3e"))
print(repr("\x00\x1f \x7f\x80\x9f\xa0\xad\u0378\u2029\ud800\U000e0001\U0010ffff"), ascii("héllo\u2028"))
