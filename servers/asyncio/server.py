"""VmBench echo server: Python asyncio (the stock selector loop), Protocol echo, streams readline."""
import asyncio, sys

sys.dont_write_bytecode = True  # no __pycache__ in the server's folder
from asyncio_echo import main

sys.exit(main("asyncio", asyncio.DefaultEventLoopPolicy()))  # the stock loop, never uvloop
