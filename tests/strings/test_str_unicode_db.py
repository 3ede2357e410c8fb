# Covers the Unicode database behind str: is* predicates, full case mappings (upper/lower/title/casefold/swapcase), final sigma and repr on a sample of every 61st code point plus the special-cased ones.
special = [0xdf, 0x130, 0x131, 0x149, 0x17f, 0x1c5, 0x1f0, 0x345, 0x390, 0x3a3, 0x3c2, 0x587, 0x1e9e, 0x1f80, 0x1fb3, 0x1fbc, 0x2126, 0x212a, 0xfb00, 0xfb03, 0xfb17]
for cp in sorted(set(list(range(0, 0x110000, 61)) + special)):
    c = chr(cp)
    flags = (c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.islower(), c.isupper(), c.istitle(),
             c.isspace(), c.isprintable(), c.isidentifier(), c.isalnum())
    print("%x %s %s %s %s %s %s %s %s" % (cp, "".join("1" if f else "0" for f in flags), ascii(c.upper()), ascii(c.lower()),
                                       ascii(c.title()), ascii(c.casefold()), ascii(c.swapcase()), ascii(repr(c)),
                                       ascii(("A" + c + "\u03a3").lower())))
