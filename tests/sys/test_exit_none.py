# Covers sys.exit() / sys.exit(None): exit code 0 and nothing on stderr.
import sys
print("exiting cleanly")
sys.exit(None)
