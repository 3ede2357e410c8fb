# Helper nested package.
print("pkg.inner: __init__ executing")
