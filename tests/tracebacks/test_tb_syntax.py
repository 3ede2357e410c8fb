# Covers a syntax error in the main script: nothing runs, last line "SyntaxError: '(' was never closed", exit 1.
print("this never runs because the file does not compile")
x = (1, 2
