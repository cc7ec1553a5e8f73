"""Capture devices behind one interface: SANE scanners, TWAIN on Windows, files."""
