# Covers sys.exit(int): the runner compares the exit code (3); output before exit is kept, finally runs.
import sys
print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs during exit")
print("never printed")
