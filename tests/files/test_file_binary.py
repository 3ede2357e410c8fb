# Covers open() in binary mode: write bytes, read bytes, read(n), text/binary round trip of UTF-8.
name = "_tmp_test_file_binary.bin"
payload = bytes(range(256))
with open(name, "wb") as f:
    print(f.write(payload), f.write(b"\r\n\x00tail"))
with open(name, "rb") as f:
    data = f.read()
print(len(data), data[:10], data[-8:], data[:256] == payload, type(data).__name__)
with open(name, "rb") as f:
    print(f.read(3), f.read(2), len(f.read()), f.read())
text = "héllo ✓ 日本\n"
with open(name, "w", encoding="utf-8") as f:
    f.write(text)
with open(name, "rb") as f:
    raw = f.read()
print(raw, len(raw), raw.decode("utf-8") == text)
with open(name, "ab") as f:
    f.write(b"\xff")
try:
    with open(name, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason)
with open(name, "rb") as f:
    print(f.readline(), f.readline())
try:
    with open(name, "wb") as f:
        f.write("str into binary")
except TypeError as e:
    print(type(e).__name__)
