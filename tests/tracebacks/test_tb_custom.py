# Covers an uncaught user-defined exception: last line "AppError: custom failure 42" (no __main__. prefix).
class AppError(Exception):
    pass
print("raising AppError")
raise AppError("custom failure 42")
