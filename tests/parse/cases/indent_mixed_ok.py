if x:
    a = 1
    if y:
        b = 2


    c = 3
# comment at col 0
    # indented comment
  
    d = 4
e = 5
