"""The customer display: the visitor's screen at the window, and the 好差评 asked on it."""
