# Covers repr() of strings: quote choice, escapes, control chars, non-ASCII and non-printable chars.
samples = ["", "abc", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline",
           "cr\rhere", "\x00\x01\x7f", "\x80\x9f\xa0", "héllo", "日本語", "✓", "\u200b", "\ufeff",
           "\U0001F600", "\ud800" if False else "plain", "\x1b[0m", "a\u2028b", "\u00ad", "\x0b\x0c",
           "'", '"', "'\"", "\\", "\\n"]
for s in samples:
    print(repr(s), len(s), str(s) == s)
print([s for s in samples[:5]], ("x",), {"k": "v'"})
print(repr(repr("a")), repr(str(repr("x"))))
