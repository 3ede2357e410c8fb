# Covers an uncaught chained exception (raise ... from ...): last line is the outer exception.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(s)) from e
print(parse("12"))
parse("twelve")
