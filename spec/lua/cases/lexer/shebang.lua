#!/usr/bin/env lua5.1
print("shebang line skipped")
print(1 + 1)
