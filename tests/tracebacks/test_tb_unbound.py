# Covers an uncaught UnboundLocalError inside a function: message is the last stderr line.
counter = 0
def bump():
    counter += 1
    return counter
bump()
