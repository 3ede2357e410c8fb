# Covers is* predicates on str: digit/alpha/alnum/space/upper/lower/title/identifier/numeric/decimal.
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", " ", "\t\n", "a b", "_x", "x_1", "1x",
           "Hello World", "hello World", "HELLO", "é", "Ünïcode", "٣", "²", "½", "if", "class_",
           "日本", "a-b", "ß", "Σ", "  x"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isidentifier(), s.isnumeric(), s.isdecimal())
