while x:
    break
else:
    continue_ = 1
while True:
    if x: break
    continue
