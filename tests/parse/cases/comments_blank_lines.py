# comment


# another
x = 1  # trailing



def f():
    # inside

    return 1
    # trailing comment in block

# end
