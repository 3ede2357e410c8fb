# Covers an uncaught AttributeError on None: last line "AttributeError: 'NoneType' object has no attribute 'strip'".
def get():
    return None
value = get()
print("got", value)
value.strip()
