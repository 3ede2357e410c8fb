# Covers upper/lower/title/capitalize/swapcase/casefold on ASCII and mixed text.
for s in ["hello world", "HELLO WORLD", "hello WORLD", "they're bill's friends", "3rd place",
          "mIxEd CaSe 123", "", "a", "_under_score", "o'neil mc-donald", "hello\tworld\nagain",
          "ALL_CAPS_WITH_NUMBERS_42", "123abc", "abc123def"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()), repr(s.casefold()))
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Hello World".istitle(),
      "Hello world".istitle(), "123".isupper(), "A1".isupper(), "".islower())
