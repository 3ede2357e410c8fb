# Covers an uncaught ZeroDivisionError at module level: last stderr line and exit code 1.
print("before the error")
x = 10
y = 0
print(x / y)
print("never printed")
