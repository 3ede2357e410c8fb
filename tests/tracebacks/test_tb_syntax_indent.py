# Covers an indentation error: last stderr line "IndentationError: expected an indented block after ...".
def f():
return 1
