a = b'\x00\x01\x7f\x80\xfe'
b = b"it's"
c = b'say "x"'
d = b'both \' "'
e = b'\t\n\r\\'
