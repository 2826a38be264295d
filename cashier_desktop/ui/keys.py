"""Keys that mean the same thing on every tab.

F5–F8 are the counter's posting keys (a cage's muscle memory), so "refresh" cannot be F5:
it is Ctrl+F5 wherever something can be refreshed, and Ctrl+R is only ever "reprint".
"""

REFRESH_KEY = "Ctrl+F5"
REPRINT_KEY = "Ctrl+R"
EXCHANGE_KEY = "F4"  # currency exchange at the counter (F5–F9 are taken by postings and credit)
