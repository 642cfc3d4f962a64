"""VmBench echo server: Python asyncio on uvloop (libuv): servers/asyncio's server on uvloop's policy."""
import sys

try:
    import uvloop
except ImportError as e:
    sys.exit(f"uvloop: {e}: install it (apt-get install python3-uvloop)")

sys.dont_write_bytecode = True  # no __pycache__ in the server's folder
from asyncio_echo import main  # asyncio_echo.py links to servers/asyncio/asyncio_echo.py

sys.exit(main("uvloop", uvloop.EventLoopPolicy()))
